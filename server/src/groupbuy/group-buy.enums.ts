import { registerEnumType } from 'type-graphql';

/** What members and admins see; derived from the stored state and the clock (see group-buy-status.ts). */
export enum GroupBuyStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

export enum GroupBuyOutcome {
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

/**
 * What the row stores. PUBLISHED reads as OPEN until endsAt and as CLOSED from then on, so a
 * group-buy closes at its end time whether or not the closing job has caught the row up yet.
 */
export enum GroupBuyState {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

registerEnumType(GroupBuyStatus, {
  name: 'GroupBuyStatus',
  valuesConfig: {
    DRAFT: { description: '草稿: only admins see it' },
    OPEN: { description: '进行中 (see `started` for before the start time)' },
    CLOSED: { description: '已结束: at the end time or closed early; see `outcome`' },
    CANCELLED: { description: '已取消' },
  },
});

registerEnumType(GroupBuyOutcome, {
  name: 'GroupBuyOutcome',
  valuesConfig: {
    SUCCEEDED: { description: '成团: participants reached minParticipants' },
    FAILED: { description: '未成团' },
  },
});
