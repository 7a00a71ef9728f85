import { graphql } from '@/shared/graphql/client'
import type { Connection } from '@/shared/graphql/connection'
import type { ResultMember } from '@/shared/graphql/errors'
import type { AdjustPointsMutation, PointsAdjustPolicyFieldsFragment } from './admin/points-admin.generated'
import { PointsLedgerDocument, type PointsEntryFieldsFragment } from './points.generated'

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
