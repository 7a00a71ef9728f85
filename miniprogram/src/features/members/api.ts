import { graphql } from '@/shared/graphql/client'
import { ERROR_RESULT_FIELDS } from '@/shared/graphql/errors'
import { MEMBER_FIELDS, type Member, type MemberActionResult, type MemberRole, type MemberStatus } from '../membership/api'

export async function fetchMembers(communityId: string, status?: MemberStatus): Promise<Member[]> {
  const data = await graphql<{ members: Member[] }>(
    `query Members($communityId: ID!, $status: MemberStatus) {
      members(communityId: $communityId, status: $status) { ${MEMBER_FIELDS} }
    }`,
    { communityId, status },
  )
  return data.members
}

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
