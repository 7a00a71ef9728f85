import { graphql } from '@/shared/graphql/client'
import type { ResultMember } from '@/shared/graphql/errors'
import type { ExportFile, ExportFormat } from '@/features/exports/api'
import type { GroupBuyDetail, GroupBuyEntry } from '@/features/groupbuy/api'
import {
  CancelGroupBuyDocument,
  CloseGroupBuyDocument,
  CreateGroupBuyDocument,
  ExportGroupBuyDocument,
  type GroupBuyInput,
  PublishGroupBuyDocument,
  SetEntryPickedUpDocument,
  UpdateGroupBuyDocument,
  type UpdateGroupBuyMutation,
} from './groupbuy-admin.generated'

/** Admin calls of the group-buy domain; money in fen, times as ISO strings; `draft` keeps it hidden from members until published. */
export type { GroupBuyInput }
/** GroupBuySaved, or StockBelowSold | GroupBuyClosed | GroupBuyNotFound */
export type SaveGroupBuyResult = UpdateGroupBuyMutation['updateGroupBuy']
export type GroupBuySaved = ResultMember<SaveGroupBuyResult, 'GroupBuySaved'>
export type StockBelowSold = ResultMember<SaveGroupBuyResult, 'StockBelowSold'>

export async function createGroupBuy(communityId: string, input: GroupBuyInput): Promise<GroupBuyDetail> {
  const data = await graphql(CreateGroupBuyDocument, { communityId, input })
  return data.createGroupBuy
}

export async function updateGroupBuy(groupBuyId: string, input: GroupBuyInput): Promise<SaveGroupBuyResult> {
  const data = await graphql(UpdateGroupBuyDocument, { groupBuyId, input })
  return data.updateGroupBuy
}

/** DRAFT → OPEN */
export async function publishGroupBuy(groupBuyId: string): Promise<SaveGroupBuyResult> {
  const data = await graphql(PublishGroupBuyDocument, { groupBuyId })
  return data.publishGroupBuy
}

/** 提前截团: closes now and decides the outcome. */
export async function closeGroupBuy(groupBuyId: string): Promise<GroupBuyDetail> {
  const data = await graphql(CloseGroupBuyDocument, { groupBuyId })
  return data.closeGroupBuy
}

export async function cancelGroupBuy(groupBuyId: string): Promise<GroupBuyDetail> {
  const data = await graphql(CancelGroupBuyDocument, { groupBuyId })
  return data.cancelGroupBuy
}

export async function setEntryPickedUp(entryId: string, pickedUp: boolean): Promise<GroupBuyEntry> {
  const data = await graphql(SetEntryPickedUpDocument, { entryId, pickedUp })
  return data.setEntryPickedUp
}

export async function exportGroupBuy(groupBuyId: string, format: ExportFormat): Promise<ExportFile> {
  const data = await graphql(ExportGroupBuyDocument, { groupBuyId, format })
  return data.exportGroupBuy
}
