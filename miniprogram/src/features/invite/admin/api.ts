import { graphql } from '@/shared/graphql/client'
import type { Community, JoinPolicy } from '@/features/community/api'
import { COMMUNITY_FIELDS } from '@/features/community/api'
import { type InviteLeader, type Referral, type ReferralRule } from '../api'

const PROFILE_FIELDS = 'id nickname avatarUrl tierName'

/** Admin */
export async function fetchInviteOverview(communityId: string): Promise<{ referralRule: ReferralRule; inviteLeaderboard: InviteLeader[]; referrals: Referral[] }> {
  return graphql(
    `query InviteOverview($communityId: ID!) {
      referralRule(communityId: $communityId) { points dailyLimit }
      inviteLeaderboard(communityId: $communityId, first: 20) { rank member { ${PROFILE_FIELDS} } invited checkedIn rewarded points }
      referrals(communityId: $communityId, first: 50) { id inviter { ${PROFILE_FIELDS} } invitee { ${PROFILE_FIELDS} } status points createdAt settledAt }
    }`,
    { communityId },
  )
}

/** Admin */
export async function setReferralRule(communityId: string, rule: ReferralRule): Promise<ReferralRule> {
  const data = await graphql<{ setReferralRule: ReferralRule }>(
    `mutation SetReferralRule($communityId: ID!, $points: Int!, $dailyLimit: Int!) {
      setReferralRule(communityId: $communityId, points: $points, dailyLimit: $dailyLimit) { points dailyLimit }
    }`,
    { communityId, ...rule },
  )
  return data.setReferralRule
}

/** Admin */
export async function setJoinPolicy(communityId: string, joinPolicy: JoinPolicy): Promise<Community> {
  const data = await graphql<{ setJoinPolicy: Community }>(
    `mutation SetJoinPolicy($communityId: ID!, $joinPolicy: JoinPolicy!) {
      setJoinPolicy(communityId: $communityId, joinPolicy: $joinPolicy) { ${COMMUNITY_FIELDS} }
    }`,
    { communityId, joinPolicy },
  )
  return data.setJoinPolicy
}
