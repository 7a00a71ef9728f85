import { fetchPointsExpiryForecast, expiryLine, type PointsExpiring } from '@/features/points/api'
import NoticeBar from '@/shared/ui/notice-bar'
import { useQuery } from '@/shared/hooks/useQuery'

interface PointsExpiryNoticeProps {
  communityId: string
  /** What to suggest under the line (the shop: what the expiring points can buy); by default, a nudge to the shop. */
  suggestion?: (expiring: PointsExpiring) => string | null
}

/**
 * "X 积分将于 YYYY-MM-DD 过期" (积分有效期), for the member's soonest date; nothing when none of the
 * balance expires. A line beside the page's own content: while it loads or if it fails, the page
 * shows nothing of it. Give it a key that changes with the balance to read it again after a spend.
 */
export default function PointsExpiryNotice({ communityId, suggestion }: PointsExpiryNoticeProps) {
  const forecast = useQuery(() => fetchPointsExpiryForecast(communityId), [communityId])
  const next = forecast.data?.next
  if (!next) return null
  const description = suggestion ? suggestion(next) : '去积分商城兑换优惠券，别让积分白白过期。'
  return <NoticeBar tone='warning' title={expiryLine(next)} description={description ?? undefined} />
}
