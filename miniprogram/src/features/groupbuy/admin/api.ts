import { graphql } from '@/shared/graphql/client'
import { ERROR_RESULT_FIELDS, type ErrorResult } from '@/shared/graphql/errors'
import { EXPORT_FILE_FIELDS, type ExportFile, type ExportFormat } from '@/features/exports/api'
import {
  GROUP_BUY_DETAIL_FIELDS,
  GROUP_BUY_ENTRY_FIELDS,
  type GroupBuyDetail,
  type GroupBuyEntry,
} from '@/features/groupbuy/api'

/** Admin calls of the group-buy domain; money in fen, times as ISO strings. */
export interface GroupBuyInput {
  title: string
  description?: string
  images?: string[]
  priceFen: number
  originalPriceFen?: number
  stock: number
  perMemberLimit?: number
  minParticipants: number
  startsAt: string
  endsAt: string
  pickupNote?: string
  /** true keeps it hidden from members until published */
  draft?: boolean
}

export interface GroupBuySaved {
  __typename: 'GroupBuySaved'
  groupBuy: GroupBuyDetail
}

export interface StockBelowSold extends ErrorResult {
  __typename: 'StockBelowSold'
  soldQuantity: number
}

/** GroupBuySaved, or StockBelowSold | GroupBuyClosed | GroupBuyNotFound */
export type SaveGroupBuyResult = GroupBuySaved | StockBelowSold | ErrorResult

const SAVE_RESULT = `${ERROR_RESULT_FIELDS}
  ... on StockBelowSold { soldQuantity }
  ... on GroupBuySaved { groupBuy { ${GROUP_BUY_DETAIL_FIELDS} } }`

export async function createGroupBuy(communityId: string, input: GroupBuyInput): Promise<GroupBuyDetail> {
  const data = await graphql<{ createGroupBuy: GroupBuyDetail }>(
    `mutation CreateGroupBuy($communityId: ID!, $input: GroupBuyInput!) {
      createGroupBuy(communityId: $communityId, input: $input) { ${GROUP_BUY_DETAIL_FIELDS} }
    }`,
    { communityId, input },
  )
  return data.createGroupBuy
}

export async function updateGroupBuy(groupBuyId: string, input: GroupBuyInput): Promise<SaveGroupBuyResult> {
  const data = await graphql<{ updateGroupBuy: SaveGroupBuyResult }>(
    `mutation UpdateGroupBuy($groupBuyId: ID!, $input: GroupBuyInput!) {
      updateGroupBuy(groupBuyId: $groupBuyId, input: $input) { ${SAVE_RESULT} }
    }`,
    { groupBuyId, input },
  )
  return data.updateGroupBuy
}

/** DRAFT → OPEN */
export async function publishGroupBuy(groupBuyId: string): Promise<SaveGroupBuyResult> {
  const data = await graphql<{ publishGroupBuy: SaveGroupBuyResult }>(
    `mutation PublishGroupBuy($groupBuyId: ID!) { publishGroupBuy(groupBuyId: $groupBuyId) { ${SAVE_RESULT} } }`,
    { groupBuyId },
  )
  return data.publishGroupBuy
}

/** 提前截团: closes now and decides the outcome. */
export async function closeGroupBuy(groupBuyId: string): Promise<GroupBuyDetail> {
  const data = await graphql<{ closeGroupBuy: GroupBuyDetail }>(
    `mutation CloseGroupBuy($groupBuyId: ID!) { closeGroupBuy(groupBuyId: $groupBuyId) { ${GROUP_BUY_DETAIL_FIELDS} } }`,
    { groupBuyId },
  )
  return data.closeGroupBuy
}

export async function cancelGroupBuy(groupBuyId: string): Promise<GroupBuyDetail> {
  const data = await graphql<{ cancelGroupBuy: GroupBuyDetail }>(
    `mutation CancelGroupBuy($groupBuyId: ID!) { cancelGroupBuy(groupBuyId: $groupBuyId) { ${GROUP_BUY_DETAIL_FIELDS} } }`,
    { groupBuyId },
  )
  return data.cancelGroupBuy
}

export async function setEntryPickedUp(entryId: string, pickedUp: boolean): Promise<GroupBuyEntry> {
  const data = await graphql<{ setEntryPickedUp: GroupBuyEntry }>(
    `mutation SetEntryPickedUp($entryId: ID!, $pickedUp: Boolean!) {
      setEntryPickedUp(entryId: $entryId, pickedUp: $pickedUp) { ${GROUP_BUY_ENTRY_FIELDS} }
    }`,
    { entryId, pickedUp },
  )
  return data.setEntryPickedUp
}

export async function exportGroupBuy(groupBuyId: string, format: ExportFormat): Promise<ExportFile> {
  const data = await graphql<{ exportGroupBuy: ExportFile }>(
    `mutation ExportGroupBuy($groupBuyId: ID!, $format: ExportFormat!) {
      exportGroupBuy(groupBuyId: $groupBuyId, format: $format) { ${EXPORT_FILE_FIELDS} }
    }`,
    { groupBuyId, format },
  )
  return data.exportGroupBuy
}
