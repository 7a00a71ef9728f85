import { graphql } from '@/shared/graphql/client'



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
