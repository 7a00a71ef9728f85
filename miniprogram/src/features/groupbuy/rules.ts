import type { GroupBuy, GroupBuyEntry } from '@/features/groupbuy/api'
import { ANONYMOUS_NICKNAME } from '@/shared/format/profile'
import { formatDateTime } from '@/shared/format/format'

/** Where a group-buy stands for the member looking at it now. */
export type GroupBuyPhase = 'draft' | 'upcoming' | 'open' | 'ended' | 'closed' | 'cancelled'

export function groupBuyPhase(groupBuy: Pick<GroupBuy, 'status' | 'startsAt' | 'endsAt'>, now: number): GroupBuyPhase {
  switch (groupBuy.status) {
    case 'DRAFT':
      return 'draft'
    case 'CANCELLED':
      return 'cancelled'
    case 'CLOSED':
      return 'closed'
    default:
      if (now < Date.parse(groupBuy.startsAt)) return 'upcoming'
      // The server closes it on the next read; until then it is over, outcome unknown.
      return now >= Date.parse(groupBuy.endsAt) ? 'ended' : 'open'
  }
}

/** The instant the countdown of this phase runs to, if any. */
export function countdownTarget(groupBuy: Pick<GroupBuy, 'startsAt' | 'endsAt'>, phase: GroupBuyPhase): number | null {
  if (phase === 'upcoming') return Date.parse(groupBuy.startsAt)
  if (phase === 'open') return Date.parse(groupBuy.endsAt)
  return null
}

/** "3/5 人成团" */
export function participantsText(groupBuy: Pick<GroupBuy, 'participantCount' | 'minParticipants'>): string {
  return `${groupBuy.participantCount}/${groupBuy.minParticipants} 人成团`
}

/** "#1 张三 ×2" */
export function entryLine(entry: Pick<GroupBuyEntry, 'seq' | 'quantity' | 'member'>): string {
  return `#${entry.seq} ${entry.member.nickname || ANONYMOUS_NICKNAME} ×${entry.quantity}`
}

/**
 * The most a member may take: what is left (plus what they already hold when changing
 * their entry), within the per-member limit.
 */
export function maxQuantity(groupBuy: Pick<GroupBuy, 'remaining' | 'perMemberLimit'>, held = 0): number {
  const available = groupBuy.remaining + held
  return Math.max(0, groupBuy.perMemberLimit ? Math.min(available, groupBuy.perMemberLimit) : available)
}

/** "05-21 10:00 开团" for a group-buy that has not started. */
export function startsText(startsAt: string): string {
  return `${formatDateTime(startsAt).slice(5)} 开团`
}
