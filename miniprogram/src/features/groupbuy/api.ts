import { graphql } from '@/shared/graphql/client'
import type { ResultMember } from '@/shared/graphql/errors'
import {
  CancelGroupBuyEntryDocument,
  type CancelGroupBuyEntryMutation,
  type GroupBuyDetailFieldsFragment,
  GroupBuyDocument,
  type GroupBuyEntryFieldsFragment,
  type GroupBuyFieldsFragment,
  GroupBuysDocument,
  JoinGroupBuyDocument,
  type JoinGroupBuyMutation,
  UpdateGroupBuyEntryDocument,
  type UpdateGroupBuyEntryMutation,
} from './groupbuy.generated'

/** Money in fen; `started`: now >= startsAt. */
export type GroupBuy = GroupBuyFieldsFragment
export type GroupBuyStatus = GroupBuy['status']
export type GroupBuyOutcome = NonNullable<GroupBuy['outcome']>
/** A 接龙 entry: `seq` unique and gap-free in join order; `member` the public profile every member sees. */
export type GroupBuyEntry = GroupBuyEntryFieldsFragment
/** With the 接龙 list by seq (cancelled entries left out) and the caller's entry. */
export type GroupBuyDetail = GroupBuyDetailFieldsFragment

/** GroupBuyJoined, or SoldOut | GroupBuyClosed | GroupBuyNotStarted | LimitReached | AlreadyJoined | GroupBuyNotFound | NotActiveMember */
export type JoinGroupBuyResult = JoinGroupBuyMutation['joinGroupBuy']
/** GroupBuyEntryUpdated, or SoldOut | LimitReached | GroupBuyClosed | EntryNotFound */
export type UpdateGroupBuyEntryResult = UpdateGroupBuyEntryMutation['updateGroupBuyEntry']
/** GroupBuyEntryCancelled, or GroupBuyClosed | EntryNotFound */
export type CancelGroupBuyEntryResult = CancelGroupBuyEntryMutation['cancelGroupBuyEntry']
/** The entry and the group-buy after the change (fresh stock, list and my entry). */
export type GroupBuyEntryChanged = ResultMember<JoinGroupBuyResult, 'GroupBuyJoined'> | ResultMember<UpdateGroupBuyEntryResult, 'GroupBuyEntryUpdated'>
export type GroupBuyEntryCancelled = ResultMember<CancelGroupBuyEntryResult, 'GroupBuyEntryCancelled'>
export type GroupBuyNotStarted = ResultMember<JoinGroupBuyResult, 'GroupBuyNotStarted'>

/** Members see published ones; admins also their drafts. */
export async function fetchGroupBuys(communityId: string, status?: GroupBuyStatus): Promise<GroupBuy[]> {
  const data = await graphql(GroupBuysDocument, { communityId, status })
  return data.groupBuys
}

export async function fetchGroupBuy(id: string): Promise<GroupBuyDetail | null> {
  const data = await graphql(GroupBuyDocument, { id })
  return data.groupBuy
}

/** The same requestId replayed answers the first result: a retry never joins twice. */
export async function joinGroupBuy(groupBuyId: string, quantity: number, note: string | undefined, requestId: string): Promise<JoinGroupBuyResult> {
  const data = await graphql(JoinGroupBuyDocument, { groupBuyId, quantity, note, requestId })
  return data.joinGroupBuy
}

export async function updateGroupBuyEntry(entryId: string, quantity: number, note?: string): Promise<UpdateGroupBuyEntryResult> {
  const data = await graphql(UpdateGroupBuyEntryDocument, { entryId, quantity, note })
  return data.updateGroupBuyEntry
}

export async function cancelGroupBuyEntry(entryId: string): Promise<CancelGroupBuyEntryResult> {
  const data = await graphql(CancelGroupBuyEntryDocument, { entryId })
  return data.cancelGroupBuyEntry
}
