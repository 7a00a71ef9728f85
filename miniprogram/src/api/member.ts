import { graphql } from './client'
import { COMMUNITY_FIELDS, type Community } from './community'
import { ERROR_RESULT_FIELDS, type ErrorResult } from './errors'
import { TIER_FIELDS, type Tier } from './tier'

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

export async function fetchMembers(communityId: string, status?: MemberStatus): Promise<Member[]> {
  const data = await graphql<{ members: Member[] }>(
    `query Members($communityId: ID!, $status: MemberStatus) {
      members(communityId: $communityId, status: $status) { ${MEMBER_FIELDS} }
    }`,
    { communityId, status },
  )
  return data.members
}

export type MemberActionResult = { __typename: 'MemberUpdated'; member: Member } | ErrorResult

const MEMBER_ACTION_RESULT = `${ERROR_RESULT_FIELDS} ... on MemberUpdated { member { ${MEMBER_FIELDS} } }`

export async function setMemberRole(communityId: string, memberId: string, role: MemberRole): Promise<MemberActionResult> {
  const data = await graphql<{ setMemberRole: MemberActionResult }>(
    `mutation SetMemberRole($communityId: ID!, $memberId: ID!, $role: MemberRole!) {
      setMemberRole(communityId: $communityId, memberId: $memberId, role: $role) { ${MEMBER_ACTION_RESULT} }
    }`,
    { communityId, memberId, role },
  )
  return data.setMemberRole
}

export async function removeMember(communityId: string, memberId: string): Promise<MemberActionResult> {
  const data = await graphql<{ removeMember: MemberActionResult }>(
    `mutation RemoveMember($communityId: ID!, $memberId: ID!) {
      removeMember(communityId: $communityId, memberId: $memberId) { ${MEMBER_ACTION_RESULT} }
    }`,
    { communityId, memberId },
  )
  return data.removeMember
}

export async function banMember(communityId: string, memberId: string): Promise<MemberActionResult> {
  const data = await graphql<{ banMember: MemberActionResult }>(
    `mutation BanMember($communityId: ID!, $memberId: ID!) {
      banMember(communityId: $communityId, memberId: $memberId) { ${MEMBER_ACTION_RESULT} }
    }`,
    { communityId, memberId },
  )
  return data.banMember
}
