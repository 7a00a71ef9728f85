import { fetchSubscriptionTemplates, type NotificationKind, recordSubscriptionConsent, type SubscriptionTemplate } from '@/features/notifications/api'
import { getCurrentCommunityId } from '@/features/community/current-community'
import { currentPageParam, requestSubscribeMessage } from '@/platform/subscribe-message'
import { IS_WEAPP } from '@/platform/wechat'

/**
 * WeChat one-time subscription messages (订阅消息). wx.requestSubscribeMessage only works inside a
 * tap, so the template ids are fetched ahead (preloadSubscriptionTemplates, on the home page) and
 * read synchronously when the member taps 参与接龙 / 兑换 / 提交 / 候补报名. H5 has no such dialog:
 * there the in-app inbox (消息) is the only channel.
 */
let templates: SubscriptionTemplate[] | null = null
let loading: Promise<void> | null = null

/** The community of the page (`?id=`), else the one the member is looking at. */
function pageCommunityId(): string | null {
  return currentPageParam('id') || getCurrentCommunityId()
}

export function preloadSubscriptionTemplates(): void {
  if (!IS_WEAPP || templates || loading) return
  loading = fetchSubscriptionTemplates()
    .then((found) => {
      templates = found
    })
    .catch(() => undefined)
    .finally(() => {
      loading = null
    })
}

/**
 * Asks for the templates of `kinds` (call it first thing in the tap handler) and records WeChat's
 * answer in the background. Resolves when the member has answered; never fails the action it
 * precedes: a refused or failed dialog only means the message stays in the inbox.
 */
export async function askSubscription(kinds: NotificationKind[], communityId: string | null = pageCommunityId()): Promise<void> {
  if (!IS_WEAPP || !communityId) return
  const tmplIds = (templates ?? []).filter((template) => kinds.includes(template.kind)).map((template) => template.templateId)
  if (tmplIds.length === 0) {
    preloadSubscriptionTemplates()
    return
  }
  const answer = await requestSubscribeMessage(tmplIds)
  if (!answer) return
  const results = tmplIds.filter((id) => typeof answer[id] === 'string').map((id) => ({ templateId: id, status: answer[id] }))
  if (results.length) void recordSubscriptionConsent(communityId, results).catch(() => undefined)
}
