import { graphql } from '@/shared/graphql/client'
import { COMMUNITY_FIELDS, type Community } from '@/features/community/api'
import { type ErrorResult } from '@/shared/graphql/errors'
import { TIER_FIELDS, type Tier } from './tier-api'

export type MemberRole = 'OWNER' | 'ADMIN' | 'STAFF' | 'MEMBER'
export type MemberStatus = 'APPLICANT' | 'ACTIVE' | 'REMOVED' | 'BANNED'

export interface Member {
  id: string
  role: MemberRole
  status: MemberStatus
  points: number
  lifetimePoints: number
  streak: number
  checkedInToday: boolean
  nickname: string | null
  avatarUrl: string | null
  joinedAt: string
  lastActiveAt: string | null
}

/** The member card's tier and the way to the next one (nextTier null at the top tier). */
export interface MemberTierProgress {
  tier: Tier
  nextTier: Tier | null
  pointsToNextTier: number | null
}

export interface Membership extends Member, MemberTierProgress {
  community: Community
}

export const MEMBER_FIELDS =
  'id role status points lifetimePoints streak checkedInToday nickname avatarUrl joinedAt lastActiveAt'
const TIER_PROGRESS_FIELDS = `tier { ${TIER_FIELDS} } nextTier { ${TIER_FIELDS} } pointsToNextTier`
export const MEMBERSHIP_FIELDS = `${MEMBER_FIELDS} ${TIER_PROGRESS_FIELDS} community { ${COMMUNITY_FIELDS} }`

export async function fetchMyMemberships(): Promise<Membership[]> {
  const data = await graphql<{ myMemberships: Membership[] }>(
    `query MyMemberships { myMemberships { ${MEMBERSHIP_FIELDS} } }`,
  )
  return data.myMemberships
}

export async function fetchMembership(communityId: string): Promise<Membership | null> {
  const data = await graphql<{ membership: Membership | null }>(
    `query Membership($communityId: ID!) { membership(communityId: $communityId) { ${MEMBERSHIP_FIELDS} } }`,
    { communityId },
  )
  return data.membership
}

export type MemberActionResult = { __typename: 'MemberUpdated'; member: Member } | ErrorResult
