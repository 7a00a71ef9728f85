import type { Member, MemberRole, MemberStatus } from '@/features/membership/api'
import { graphql } from '@/shared/graphql/client'
import { BanMemberDocument, MembersDocument, RemoveMemberDocument, SetMemberRoleDocument, type SetMemberRoleMutation } from './members.generated'

/** MemberUpdated, or MemberNotFound | … (the refusal's message says why). */
export type MemberActionResult = SetMemberRoleMutation['setMemberRole']

export async function fetchMembers(communityId: string, status?: MemberStatus): Promise<Member[]> {
  const data = await graphql(MembersDocument, { communityId, status })
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
