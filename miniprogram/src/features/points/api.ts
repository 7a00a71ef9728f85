import { graphql } from '@/shared/graphql/client'
import type { Connection } from '@/shared/graphql/connection'
import type { ResultMember } from '@/shared/graphql/errors'
import type { AdjustPointsMutation, PointsAdjustPolicyFieldsFragment } from './admin/points-admin.generated'
import { PointsExpiryForecastDocument, PointsLedgerDocument, type PointsEntryFieldsFragment, type PointsExpiryForecastQuery } from './points.generated'

export type PointsEntry = PointsEntryFieldsFragment
export type PointsEntryType = PointsEntry['type']

/** PointsAdjusted, or InsufficientPoints | MemberNotFound | AdjustNotAllowed | AdjustLimitExceeded | PointsOutOfRange */
export type AdjustPointsResult = AdjustPointsMutation['adjustPoints']
/** Redeeming or a negative adjustment would take the balance below zero. */
export type InsufficientPoints = ResultMember<AdjustPointsResult, 'InsufficientPoints'>
/** The OWNER's caps on admin adjustments, and what the caller moved today. */
export type PointsAdjustPolicy = PointsAdjustPolicyFieldsFragment

export const LEDGER_PAGE_SIZE = 20

export async function fetchPointsLedger(communityId: string, after: string | null): Promise<Connection<PointsEntry>> {
  const data = await graphql(PointsLedgerDocument, { communityId, first: LEDGER_PAGE_SIZE, after })
  return data.pointsLedger
}

/** The caller's points that will expire, soonest first (积分有效期). */
export type PointsExpiryForecast = PointsExpiryForecastQuery['pointsExpiryForecast']
export type PointsExpiring = NonNullable<PointsExpiryForecast['next']>

export async function fetchPointsExpiryForecast(communityId: string): Promise<PointsExpiryForecast> {
  const data = await graphql(PointsExpiryForecastDocument, { communityId })
  return data.pointsExpiryForecast
}

/** "X 积分将于 YYYY-MM-DD 过期" */
export function expiryLine(expiring: PointsExpiring): string {
  return `${expiring.points} 积分将于 ${expiring.expiresOn} 过期`
}
