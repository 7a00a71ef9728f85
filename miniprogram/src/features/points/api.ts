import { graphql } from '@/shared/graphql/client'
import { type Connection, connectionFields } from '@/shared/graphql/connection'
import { type ErrorResult } from '@/shared/graphql/errors'

export type PointsEntryType = 'CHECK_IN' | 'STREAK_BONUS' | 'WELCOME' | 'COUPON_REDEEM' | 'COUPON_REFUND' | 'ADMIN_ADJUST' | 'MAKE_UP_CHECK_IN'

export interface PointsEntry {
  id: string
  /** signed */
  amount: number
  balanceAfter: number
  type: PointsEntryType
  note: string | null
  createdAt: string
}

/** Redeeming or a negative adjustment would take the balance below zero. */
export interface InsufficientPoints extends ErrorResult {
  __typename: 'InsufficientPoints'
  required: number
  balance: number
}

export const INSUFFICIENT_POINTS_FIELDS = '... on InsufficientPoints { required balance }'

export const LEDGER_PAGE_SIZE = 20

export const ENTRY_FIELDS = 'id amount balanceAfter type note createdAt'

export async function fetchPointsLedger(communityId: string, after: string | null): Promise<Connection<PointsEntry>> {
  const data = await graphql<{ pointsLedger: Connection<PointsEntry> }>(
    `query PointsLedger($communityId: ID!, $first: Int!, $after: String) {
      pointsLedger(communityId: $communityId, first: $first, after: $after) { ${connectionFields(ENTRY_FIELDS)} }
    }`,
    { communityId, first: LEDGER_PAGE_SIZE, after },
  )
  return data.pointsLedger
}

export interface PointsAdjusted {
  __typename: 'PointsAdjusted'
  member: { id: string; points: number; lifetimePoints: number }
  entry: PointsEntry
}

/** PointsAdjusted, or InsufficientPoints | MemberNotFound | AdjustNotAllowed | AdjustLimitExceeded | PointsOutOfRange */
export type AdjustPointsResult = PointsAdjusted | InsufficientPoints | ErrorResult

/** The OWNER's caps on admin adjustments, and what the caller moved today. */
export interface PointsAdjustPolicy {
  perCallLimit: number
  dailyLimit: number
  usedToday: number
}
