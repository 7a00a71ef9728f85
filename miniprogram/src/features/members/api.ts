import type { MemberRole, MemberStatus } from '@/features/membership/api'
import { graphql } from '@/shared/graphql/client'
import {
  BanMemberDocument,
  type MemberListFieldsFragment,
  MembersDocument,
  type MembersQuery,
  RemoveMemberDocument,
  SetMemberRoleDocument,
  type SetMemberRoleMutation,
} from './members.generated'

/** MemberUpdated, or MemberNotFound | … (the refusal's message says why). */
export type MemberActionResult = SetMemberRoleMutation['setMemberRole']

/** A member as the admin list shows them: the card's fields, their tier and questionnaire tags. */
export type MemberListItem = MemberListFieldsFragment

/** What the admin narrows the member list by (all given must hold). */
export interface MemberFilters {
  search?: string
  status?: MemberStatus
  role?: MemberRole
  tierLevel?: number
  tag?: string
}

/** One page of 20 members, newest first, after the cursor of the previous page. */
export async function fetchMembers(communityId: string, filters: MemberFilters, after: string | null): Promise<MembersQuery['members']> {
  const data = await graphql(MembersDocument, { communityId, after, ...filters })
  return data.members
}

export async function setMemberRole(communityId: string, memberId: string, role: MemberRole): Promise<MemberActionResult> {
  const data = await graphql(SetMemberRoleDocument, { communityId, memberId, role })
  return data.setMemberRole
}

export async function removeMember(communityId: string, memberId: string): Promise<MemberActionResult> {
  const data = await graphql(RemoveMemberDocument, { communityId, memberId })
  return data.removeMember
}

export async function banMember(communityId: string, memberId: string): Promise<MemberActionResult> {
  const data = await graphql(BanMemberDocument, { communityId, memberId })
  return data.banMember
}
