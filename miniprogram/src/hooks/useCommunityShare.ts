import Taro, { useShareAppMessage } from '@tarojs/taro'
import { useEffect } from 'react'
import type { Community } from '@/api/community'
import { IS_WEAPP } from '@/utils/platform'
import { HOME_PATH, joinPath, shareTitle } from '@/utils/share'

/**
 * Share cards carry the join code, and `withShareTicket` so a card opened inside a group
 * tells us which group it was (binding and group entry depend on it).
 * The page config needs enableShareAppMessage.
 */
export function useCommunityShare(community: Pick<Community, 'name' | 'joinCode'> | null | undefined): void {
  useEffect(() => {
    if (IS_WEAPP) void Taro.showShareMenu({ withShareTicket: true })
  }, [])

  useShareAppMessage(() =>
    community
      ? { title: shareTitle(community), path: joinPath(community.joinCode) }
      : { title: '群友 · 社群会员服务', path: HOME_PATH },
  )
}
