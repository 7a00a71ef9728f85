import { graphql } from '@/shared/graphql/client'

import { type AdjustPointsResult, type PointsAdjustPolicy } from '../api'
import {
  AdjustPointsDocument,
  EconomyCapsDocument,
  type EconomyCapsFieldsFragment,
  type EconomyCapsInput,
  PointsAdjustPolicyDocument,
  PointsExpiryPolicyDocument,
  type PointsExpiryPolicyFieldsFragment,
  type PointsExpiryPolicyInput,
  PointsLiabilityDocument,
  type PointsLiabilityQuery,
  SetEconomyCapsDocument,
  SetPointsExpiryPolicyDocument,
  SetPointsAdjustPolicyDocument,
} from './points-admin.generated'

export type EconomyCaps = EconomyCapsFieldsFragment
export type PointsExpiryPolicy = PointsExpiryPolicyFieldsFragment
export type PointsLiability = PointsLiabilityQuery['pointsLiability']

/** Admin: a signed amount with the reason the member will see in the ledger. */
export async function adjustPoints(communityId: string, memberId: string, amount: number, reason: string): Promise<AdjustPointsResult> {
  const data = await graphql(AdjustPointsDocument, { communityId, memberId, amount, reason })
  return data.adjustPoints
}

export async function fetchPointsAdjustPolicy(communityId: string): Promise<PointsAdjustPolicy> {
  const data = await graphql(PointsAdjustPolicyDocument, { communityId })
  return data.pointsAdjustPolicy
}

/** Owner only. */
export async function setPointsAdjustPolicy(communityId: string, perCallLimit: number, dailyLimit: number): Promise<PointsAdjustPolicy> {
  const data = await graphql(SetPointsAdjustPolicyDocument, { communityId, perCallLimit, dailyLimit })
  return data.setPointsAdjustPolicy
}

/** Admin: the owner's caps on what rules pay. */
export async function fetchEconomyCaps(communityId: string): Promise<EconomyCaps> {
  const data = await graphql(EconomyCapsDocument, { communityId })
  return data.economyCaps
}

/** Owner only. */
export async function setEconomyCaps(communityId: string, input: EconomyCapsInput): Promise<EconomyCaps> {
  const data = await graphql(SetEconomyCapsDocument, { communityId, input })
  return data.setEconomyCaps
}

/** Admin: 积分有效期 as the owner set it. */
export async function fetchPointsExpiryPolicy(communityId: string): Promise<PointsExpiryPolicy> {
  const data = await graphql(PointsExpiryPolicyDocument, { communityId })
  return data.pointsExpiryPolicy
}

/** Owner only: applies to points earned from now on; NONE stops every expiry. */
export async function setPointsExpiryPolicy(communityId: string, input: PointsExpiryPolicyInput): Promise<PointsExpiryPolicy> {
  const data = await graphql(SetPointsExpiryPolicyDocument, { communityId, input })
  return data.setPointsExpiryPolicy
}

/** Admin: the unspent points as money, and what expires (the dashboard, beside communityStats). */
export async function fetchPointsLiability(communityId: string, from: string, to: string): Promise<PointsLiability> {
  const data = await graphql(PointsLiabilityDocument, { communityId, from, to })
  return data.pointsLiability
}
