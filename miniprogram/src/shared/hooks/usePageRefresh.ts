import { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRef } from 'react'
import { stopPullDownRefresh } from '@/platform/page'

/**
 * Pull-to-refresh (the page config needs enablePullDownRefresh) and a quiet refresh whenever
 * the page shows again, e.g. after coming back from a page that changed something.
 */
export function usePageRefresh(refresh: () => Promise<unknown>): void {
  const shownBefore = useRef(false)

  useDidShow(() => {
    if (shownBefore.current) void refresh()
    shownBefore.current = true
  })

  usePullDownRefresh(() => {
    void refresh().finally(stopPullDownRefresh)
  })
}
