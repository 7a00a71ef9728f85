import { graphql } from '@/shared/graphql/client'
import { ApiError, type ResultMember } from '@/shared/graphql/errors'
import { EnterFromGroupDocument, type EnterFromGroupMutation, JoinCommunityDocument, type JoinCommunityMutation } from './join.generated'

/** JoinedCommunity, or CommunityNotFound | CommunityClosed | MemberBanned | InvalidGroupData | GroupNotBound … */
export type JoinCommunityResult = Exclude<JoinCommunityMutation['joinCommunity'], { __typename: 'ChooseGroupCommunity' }>
/** Several communities bound the chat: the member chooses, then enters again with the choice. */
export type ChooseGroupCommunity = ResultMember<EnterFromGroupMutation['enterFromGroup'], 'ChooseGroupCommunity'>
export type EnterFromGroupResult = JoinCommunityResult | ChooseGroupCommunity
export type JoinedCommunity = ResultMember<JoinCommunityResult, 'JoinedCommunity'>
/** One community bound to the chat the member came from: enough to tell a squatter from the real one. */
export type GroupCommunityChoice = ChooseGroupCommunity['choices'][number]

export function isGroupChoice(result: EnterFromGroupResult): result is ChooseGroupCommunity {
  return result.__typename === 'ChooseGroupCommunity'
}

/** Link or QR code entry: `pages/index/index?c=<joinCode>`. */
export async function joinCommunity(joinCode: string): Promise<JoinCommunityResult> {
  const { joinCommunity: result } = await graphql(JoinCommunityDocument, { joinCode })
  // Only a group card entry is asked to choose between communities.
  if (result.__typename === 'ChooseGroupCommunity') throw new ApiError('BAD_RESPONSE')
  return result
}

/** Group card entry: the encrypted group data from wx.getGroupEnterInfo (and the chosen community, when asked). */
export async function enterFromGroup(encryptedData: string, iv: string, communityId?: string): Promise<EnterFromGroupResult> {
  const data = await graphql(EnterFromGroupDocument, { encryptedData, iv, communityId: communityId ?? null })
  return data.enterFromGroup
}
