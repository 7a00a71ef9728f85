import { graphql } from '@/shared/graphql/client'
import {
  MembershipDocument,
  type MemberFieldsFragment,
  type MembershipFieldsFragment,
  MyMembershipsDocument,
  type TierProgressFieldsFragment,
} from './membership.generated'

export type Member = MemberFieldsFragment
export type MemberRole = Member['role']
export type MemberStatus = Member['status']
/** The member card's tier and the way to the next one (nextTier null at the top tier). */
export type MemberTierProgress = TierProgressFieldsFragment
/** The caller's member row with its tier progress and community. */
export type Membership = MembershipFieldsFragment

export async function fetchMyMemberships(): Promise<Membership[]> {
  const data = await graphql(MyMembershipsDocument, {})
  return data.myMemberships
}

export async function fetchMembership(communityId: string): Promise<Membership | null> {
  const data = await graphql(MembershipDocument, { communityId })
  return data.membership
}
