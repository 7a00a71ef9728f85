import { useShareAppMessage } from '@tarojs/taro'
import { useEffect } from 'react'
import type { Community } from '@/features/community/api'
import { fetchMyInviteCode } from '@/features/invite/api'
import { useQuery } from '@/shared/hooks/useQuery'
import { IS_WEAPP } from '@/platform/wechat'
import { HOME_PATH, joinPath, shareTitle } from '@/platform/share'
import { showShareMenuWithTicket } from '@/platform/page'

/**
 * Share cards carry the join code, and `withShareTicket` so a card opened inside a group
 * tells us which group it was (binding and group entry depend on it).
 * The page config needs enableShareAppMessage.
 */
export function useCommunityShare(community: Pick<Community, 'id' | 'name' | 'joinCode' | 'joinPolicy'> | null | undefined): void {
  useEffect(() => {
    if (IS_WEAPP) showShareMenuWithTicket()
  }, [])
  // Under 邀请制 the public code admits nobody: the card carries the sharer's own invite.
  const inviteOnly = IS_WEAPP && community?.joinPolicy === 'INVITE'
  const invite = useQuery(() => fetchMyInviteCode(community!.id), [community?.id, inviteOnly], { enabled: inviteOnly })
  const code = inviteOnly ? invite.data : community?.joinCode

  useShareAppMessage(() =>
    community && code
      ? { title: shareTitle(community), path: joinPath(code) }
      : { title: '群友 · 社群会员服务', path: HOME_PATH },
  )
}
