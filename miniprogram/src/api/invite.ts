import { graphql } from './client'
import type { Community, JoinPolicy } from './community'
import { COMMUNITY_FIELDS } from './community'

export interface MyInvite {
  code: string
  /** Mini-program path: pages/index/index?c=<code> */
  url: string
  referralPoints: number
  invitedCount: number
  rewardedCount: number
  qrCodeDataUrl: string
}

export interface MemberProfile {
  id: string
  nickname: string | null
  avatarUrl: string | null
  tierName: string | null
}

export type ReferralStatus = 'PENDING' | 'REWARDED' | 'CAPPED'

export interface Referral {
  id: string
  inviter: MemberProfile
  invitee: MemberProfile
  status: ReferralStatus
  points: number
  createdAt: string
  settledAt: string | null
}

export interface InviteLeader {
  rank: number
  member: MemberProfile
  invited: number
  checkedIn: number
  rewarded: number
  points: number
}

export interface ReferralRule {
  points: number
  dailyLimit: number
}

const PROFILE_FIELDS = 'id nickname avatarUrl tierName'

/** The caller's personal invite; the QR encodes the H5 link when `h5Origin` is given (the browser build). */
export async function fetchMyInvite(communityId: string, h5Origin: string | null): Promise<MyInvite> {
  const data = await graphql<{ myInvite: MyInvite }>(
    `query MyInvite($communityId: ID!, $h5Origin: String) {
      myInvite(communityId: $communityId) { code url referralPoints invitedCount rewardedCount qrCodeDataUrl(h5Origin: $h5Origin) }
    }`,
    { communityId, h5Origin },
  )
  return data.myInvite
}

/** Just the caller's invite code (share cards under 邀请制). */
export async function fetchMyInviteCode(communityId: string): Promise<string> {
  const data = await graphql<{ myInvite: { code: string } }>(`query MyInviteCode($communityId: ID!) { myInvite(communityId: $communityId) { code } }`, { communityId })
  return data.myInvite.code
}

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
