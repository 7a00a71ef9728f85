import type { Community, JoinPolicy } from '@/features/community/api'
import { graphql } from '@/shared/graphql/client'
import { savedOrThrow } from '@/shared/graphql/errors'
import { InviteOverviewDocument, type InviteOverviewQuery, SetJoinPolicyDocument, SetReferralRuleDocument } from './invite-admin.generated'

export type InviteOverview = InviteOverviewQuery
export type ReferralRule = InviteOverview['referralRule']
export type Referral = InviteOverview['referrals'][number]
export type ReferralStatus = Referral['status']
export type InviteLeader = InviteOverview['inviteLeaderboard'][number]

/** Admin */
export async function fetchInviteOverview(communityId: string): Promise<InviteOverview> {
  return graphql(InviteOverviewDocument, { communityId })
}

/** Admin */
export async function setReferralRule(communityId: string, rule: ReferralRule): Promise<ReferralRule> {
  const data = await graphql(SetReferralRuleDocument, { communityId, ...rule })
  return savedOrThrow(data.setReferralRule)
}

/** Admin */
export async function setJoinPolicy(communityId: string, joinPolicy: JoinPolicy): Promise<Community> {
  const data = await graphql(SetJoinPolicyDocument, { communityId, joinPolicy })
  return data.setJoinPolicy
}
