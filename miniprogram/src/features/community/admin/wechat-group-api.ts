import { graphql } from '@/shared/graphql/client'
import {
  BindWeChatGroupDocument,
  type BindWeChatGroupMutation,
  BoundWeChatGroupsDocument,
  type BoundWeChatGroupsQuery,
  UnbindWeChatGroupDocument,
  type UnbindWeChatGroupMutation,
} from './wechat-group.generated'

/** WeChatGroupBound, or InvalidGroupData */
export type BindWeChatGroupResult = BindWeChatGroupMutation['bindWeChatGroup']
/** A chat bound to the community, for its admins; `otherCommunities`: other communities bound to the same chat (its members choose when they enter). */
export type BoundWeChatGroup = BoundWeChatGroupsQuery['boundWeChatGroups'][number]
/** WeChatGroupUnbound, or GroupNotBound */
export type UnbindWeChatGroupResult = UnbindWeChatGroupMutation['unbindWeChatGroup']

export async function bindWeChatGroup(communityId: string, encryptedData: string, iv: string): Promise<BindWeChatGroupResult> {
  const data = await graphql(BindWeChatGroupDocument, { communityId, encryptedData, iv })
  return data.bindWeChatGroup
}

export async function fetchBoundWeChatGroups(communityId: string): Promise<BoundWeChatGroup[]> {
  const data = await graphql(BoundWeChatGroupsDocument, { communityId })
  return data.boundWeChatGroups
}

export async function unbindWeChatGroup(communityId: string, groupId: string): Promise<UnbindWeChatGroupResult> {
  const data = await graphql(UnbindWeChatGroupDocument, { communityId, groupId })
  return data.unbindWeChatGroup
}
