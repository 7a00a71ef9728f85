import { graphql } from './client'
import { type Connection, connectionFields } from './connection'
import { ERROR_RESULT_FIELDS, type ErrorResult } from './errors'

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

const ENTRY_FIELDS = 'id amount balanceAfter type note createdAt'

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

/** Admin: a signed amount with the reason the member will see in the ledger. */
export async function adjustPoints(communityId: string, memberId: string, amount: number, reason: string): Promise<AdjustPointsResult> {
  const data = await graphql<{ adjustPoints: AdjustPointsResult }>(
    `mutation AdjustPoints($communityId: ID!, $memberId: ID!, $amount: Int!, $reason: String!) {
      adjustPoints(communityId: $communityId, memberId: $memberId, amount: $amount, reason: $reason) {
        ${ERROR_RESULT_FIELDS}
        ${INSUFFICIENT_POINTS_FIELDS}
        ... on PointsAdjusted { member { id points lifetimePoints } entry { ${ENTRY_FIELDS} } }
      }
    }`,
    { communityId, memberId, amount, reason },
  )
  return data.adjustPoints
}

/** The OWNER's caps on admin adjustments, and what the caller moved today. */
export interface PointsAdjustPolicy {
  perCallLimit: number
  dailyLimit: number
  usedToday: number
}

const POLICY_FIELDS = 'perCallLimit dailyLimit usedToday'

export async function fetchPointsAdjustPolicy(communityId: string): Promise<PointsAdjustPolicy> {
  const data = await graphql<{ pointsAdjustPolicy: PointsAdjustPolicy }>(
    `query PointsAdjustPolicy($communityId: ID!) { pointsAdjustPolicy(communityId: $communityId) { ${POLICY_FIELDS} } }`,
    { communityId },
  )
  return data.pointsAdjustPolicy
}

/** Owner only. */
export async function setPointsAdjustPolicy(communityId: string, perCallLimit: number, dailyLimit: number): Promise<PointsAdjustPolicy> {
  const data = await graphql<{ setPointsAdjustPolicy: PointsAdjustPolicy }>(
    `mutation SetPointsAdjustPolicy($communityId: ID!, $perCallLimit: Int!, $dailyLimit: Int!) {
      setPointsAdjustPolicy(communityId: $communityId, perCallLimit: $perCallLimit, dailyLimit: $dailyLimit) { ${POLICY_FIELDS} }
    }`,
    { communityId, perCallLimit, dailyLimit },
  )
  return data.setPointsAdjustPolicy
}
