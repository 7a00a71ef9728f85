import { graphql } from '@/shared/graphql/client'

import { type AdjustPointsResult, type PointsAdjustPolicy } from '../api'
import {
  AdjustPointsDocument,
  EconomyCapsDocument,
  type EconomyCapsFieldsFragment,
  type EconomyCapsInput,
  PointsAdjustPolicyDocument,
  SetEconomyCapsDocument,
  SetPointsAdjustPolicyDocument,
} from './points-admin.generated'

export type EconomyCaps = EconomyCapsFieldsFragment

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
