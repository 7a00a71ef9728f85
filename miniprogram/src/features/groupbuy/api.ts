import { graphql } from '@/shared/graphql/client'
import type { LimitReached } from '@/features/coupons/api'
import { ERROR_RESULT_FIELDS, type ErrorResult } from '@/shared/graphql/errors'
import type { Member } from '@/features/membership/api'

export type GroupBuyStatus = 'DRAFT' | 'OPEN' | 'CLOSED' | 'CANCELLED'
export type GroupBuyOutcome = 'SUCCEEDED' | 'FAILED'

export interface GroupBuyEntry {
  id: string
  /** 接龙 number: unique and gap-free in join order */
  seq: number
  quantity: number
  note: string | null
  pickedUp: boolean
  /** the public profile every member sees: nickname, avatar, tier name */
  member: Pick<Member, 'id' | 'nickname' | 'avatarUrl'> & { tierName: string | null }
  createdAt: string
}

export interface GroupBuy {
  id: string
  title: string
  description: string | null
  images: string[]
  priceFen: number
  originalPriceFen: number | null
  stock: number
  remaining: number
  perMemberLimit: number | null
  minParticipants: number
  participantCount: number
  soldQuantity: number
  startsAt: string
  endsAt: string
  pickupNote: string | null
  status: GroupBuyStatus
  outcome: GroupBuyOutcome | null
  /** now >= startsAt */
  started: boolean
  createdAt: string
  closedAt: string | null
}

export interface GroupBuyDetail extends GroupBuy {
  /** the 接龙 list by seq, cancelled entries left out */
  entries: GroupBuyEntry[]
  myEntry: GroupBuyEntry | null
}

export const GROUP_BUY_FIELDS = `id title description images priceFen originalPriceFen stock remaining perMemberLimit
  minParticipants participantCount soldQuantity startsAt endsAt pickupNote status outcome started createdAt closedAt`
export const GROUP_BUY_ENTRY_FIELDS = 'id seq quantity note pickedUp createdAt member { id nickname avatarUrl tierName }'
export const GROUP_BUY_DETAIL_FIELDS = `${GROUP_BUY_FIELDS}
  entries { ${GROUP_BUY_ENTRY_FIELDS} } myEntry { ${GROUP_BUY_ENTRY_FIELDS} }`

/** Members see published ones; admins also their drafts. */
export async function fetchGroupBuys(communityId: string, status?: GroupBuyStatus): Promise<GroupBuy[]> {
  const data = await graphql<{ groupBuys: GroupBuy[] }>(
    `query GroupBuys($communityId: ID!, $status: GroupBuyStatus) {
      groupBuys(communityId: $communityId, status: $status) { ${GROUP_BUY_FIELDS} }
    }`,
    { communityId, status },
  )
  return data.groupBuys
}

export async function fetchGroupBuy(id: string): Promise<GroupBuyDetail | null> {
  const data = await graphql<{ groupBuy: GroupBuyDetail | null }>(
    `query GroupBuy($id: ID!) { groupBuy(id: $id) { ${GROUP_BUY_DETAIL_FIELDS} } }`,
    { id },
  )
  return data.groupBuy
}

/** The entry and the group-buy after the change (fresh stock, list and my entry). */
export interface GroupBuyEntryChanged {
  __typename: 'GroupBuyJoined' | 'GroupBuyEntryUpdated'
  entry: GroupBuyEntry
  groupBuy: GroupBuyDetail
}

export interface GroupBuyEntryCancelled {
  __typename: 'GroupBuyEntryCancelled'
  groupBuy: GroupBuyDetail
}

export interface GroupBuyNotStarted extends ErrorResult {
  __typename: 'GroupBuyNotStarted'
  startsAt: string
}

/** GroupBuyJoined, or SoldOut | GroupBuyClosed | GroupBuyNotStarted | LimitReached | AlreadyJoined | GroupBuyNotFound | NotActiveMember */
export type JoinGroupBuyResult = GroupBuyEntryChanged | LimitReached | GroupBuyNotStarted | ErrorResult
/** GroupBuyEntryUpdated, or SoldOut | LimitReached | GroupBuyClosed | EntryNotFound */
export type UpdateGroupBuyEntryResult = GroupBuyEntryChanged | LimitReached | ErrorResult
/** GroupBuyEntryCancelled, or GroupBuyClosed | EntryNotFound */
export type CancelGroupBuyEntryResult = GroupBuyEntryCancelled | ErrorResult

const CHANGED_FIELDS = `entry { ${GROUP_BUY_ENTRY_FIELDS} } groupBuy { ${GROUP_BUY_DETAIL_FIELDS} }`

/** The same requestId replayed answers the first result: a retry never joins twice. */
export async function joinGroupBuy(groupBuyId: string, quantity: number, note: string | undefined, requestId: string): Promise<JoinGroupBuyResult> {
  const data = await graphql<{ joinGroupBuy: JoinGroupBuyResult }>(
    `mutation JoinGroupBuy($groupBuyId: ID!, $quantity: Int!, $note: String, $requestId: String!) {
      joinGroupBuy(groupBuyId: $groupBuyId, quantity: $quantity, note: $note, requestId: $requestId) {
        ${ERROR_RESULT_FIELDS}
        ... on LimitReached { limit }
        ... on GroupBuyNotStarted { startsAt }
        ... on GroupBuyJoined { ${CHANGED_FIELDS} }
      }
    }`,
    { groupBuyId, quantity, note, requestId },
  )
  return data.joinGroupBuy
}

export async function updateGroupBuyEntry(entryId: string, quantity: number, note?: string): Promise<UpdateGroupBuyEntryResult> {
  const data = await graphql<{ updateGroupBuyEntry: UpdateGroupBuyEntryResult }>(
    `mutation UpdateGroupBuyEntry($entryId: ID!, $quantity: Int!, $note: String) {
      updateGroupBuyEntry(entryId: $entryId, quantity: $quantity, note: $note) {
        ${ERROR_RESULT_FIELDS}
        ... on LimitReached { limit }
        ... on GroupBuyEntryUpdated { ${CHANGED_FIELDS} }
      }
    }`,
    { entryId, quantity, note },
  )
  return data.updateGroupBuyEntry
}

export async function cancelGroupBuyEntry(entryId: string): Promise<CancelGroupBuyEntryResult> {
  const data = await graphql<{ cancelGroupBuyEntry: CancelGroupBuyEntryResult }>(
    `mutation CancelGroupBuyEntry($entryId: ID!) {
      cancelGroupBuyEntry(entryId: $entryId) {
        ${ERROR_RESULT_FIELDS}
        ... on GroupBuyEntryCancelled { groupBuy { ${GROUP_BUY_DETAIL_FIELDS} } }
      }
    }`,
    { entryId },
  )
  return data.cancelGroupBuyEntry
}
