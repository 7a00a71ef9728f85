import type { FilterQuery } from '@mikro-orm/core';
import type { GroupBuy } from './group-buy.entity';
import { GroupBuyOutcome, GroupBuyState, GroupBuyStatus } from './group-buy.enums';

/**
 * A group-buy's status at `now`. The stored state lags behind the clock until the closing job
 * runs, so every reader goes through here: a published group-buy past its end is CLOSED.
 */
export function statusAt(groupBuy: GroupBuy, now: Date): GroupBuyStatus {
  switch (groupBuy.state) {
    case GroupBuyState.DRAFT:
      return GroupBuyStatus.DRAFT;
    case GroupBuyState.CANCELLED:
      return GroupBuyStatus.CANCELLED;
    case GroupBuyState.CLOSED:
      return GroupBuyStatus.CLOSED;
    case GroupBuyState.PUBLISHED:
      return now < groupBuy.endsAt ? GroupBuyStatus.OPEN : GroupBuyStatus.CLOSED;
  }
}

/** Decided at close: participants (members with a live entry) against the minimum. */
export function outcomeAt(groupBuy: GroupBuy, now: Date): GroupBuyOutcome | null {
  if (groupBuy.outcome) return groupBuy.outcome;
  if (statusAt(groupBuy, now) !== GroupBuyStatus.CLOSED) return null;
  return decideOutcome(groupBuy.participantCount, groupBuy.minParticipants);
}

export function closedAtAt(groupBuy: GroupBuy, now: Date): Date | null {
  if (groupBuy.closedAt) return groupBuy.closedAt;
  return groupBuy.state === GroupBuyState.PUBLISHED && now >= groupBuy.endsAt ? groupBuy.endsAt : null;
}

export function decideOutcome(participants: number, minParticipants: number): GroupBuyOutcome {
  return participants >= minParticipants ? GroupBuyOutcome.SUCCEEDED : GroupBuyOutcome.FAILED;
}

/** The same decision in SQL, for the statements that close rows. */
export const OUTCOME_SQL = `case when participant_count >= min_participants then '${GroupBuyOutcome.SUCCEEDED}' else '${GroupBuyOutcome.FAILED}' end`;

/** Rows whose status at `now` is `status`, as a filter. */
export function whereStatus(status: GroupBuyStatus, now: Date): FilterQuery<GroupBuy> {
  switch (status) {
    case GroupBuyStatus.DRAFT:
      return { state: GroupBuyState.DRAFT };
    case GroupBuyStatus.CANCELLED:
      return { state: GroupBuyState.CANCELLED };
    case GroupBuyStatus.OPEN:
      return { state: GroupBuyState.PUBLISHED, endsAt: { $gt: now } };
    case GroupBuyStatus.CLOSED:
      return { $or: [{ state: GroupBuyState.CLOSED }, { state: GroupBuyState.PUBLISHED, endsAt: { $lte: now } }] };
  }
}

/**
 * Members join while this holds (a condition of the statements that take stock for joins, with
 * openForJoinsParams); `alias` qualifies the columns where the statement joins other tables.
 */
export const openForJoins = (alias?: string): string => {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  return `${column('state')} = ? and ${column('starts_at')} <= ? and ${column('ends_at')} > ?`;
};
export const openForJoinsParams = (now: Date): unknown[] => [GroupBuyState.PUBLISHED, now, now];

/** Quantities change and entries are cancelled while this holds (a condition of their UPDATEs, with acceptingChangesParams). */
export const ACCEPTING_CHANGES = 'state = ? and ends_at > ?';
export const acceptingChangesParams = (now: Date): unknown[] => [GroupBuyState.PUBLISHED, now];
