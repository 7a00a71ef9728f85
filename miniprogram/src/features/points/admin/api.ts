import { graphql } from '@/shared/graphql/client'
import { ERROR_RESULT_FIELDS } from '@/shared/graphql/errors'
import { ENTRY_FIELDS, INSUFFICIENT_POINTS_FIELDS, type AdjustPointsResult, type PointsAdjustPolicy } from '../api'

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
