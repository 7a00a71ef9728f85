import { type EconomyCaps, fetchEconomyCaps, setEconomyCaps } from '@/features/points/admin/api'
import { useQuery } from '@/shared/hooks/useQuery'
import LimitsCard from '@/shared/ui/limits-card'

interface EconomyCapsCardProps {
  communityId: string
  /** Only the owner (群主) sets the caps; admins set rules within them. */
  editable: boolean
}

/**
 * 积分上限: the most points one action (a check-in with its bonus, a welcome, a referral) and one member's
 * day may earn from rules. Every rule an admin sets must stay within them; awards beyond the day's cap
 * are recorded as 0.
 */
export default function EconomyCapsCard({ communityId, editable }: EconomyCapsCardProps) {
  const caps = useQuery(() => fetchEconomyCaps(communityId), [communityId])
  if (!caps.data) return null
  const { maxPointsPerAction, maxRulePointsPerMemberDay } = caps.data
  return (
    <LimitsCard
      summary={`积分上限：单次最多 ${maxPointsPerAction} · 每人每日最多 ${maxRulePointsPerMemberDay}`}
      detail={editable ? '所有积分规则（签到、连签、等级倍数、入群与邀请奖励）都不能超过它们' : '由群主设置；积分规则不能超过它们'}
      fields={[
        { label: '单次上限', value: maxPointsPerAction },
        { label: '每日上限', value: maxRulePointsPerMemberDay },
      ]}
      editable={editable}
      refusal={([perAction, perDay]) => (perAction > perDay ? '单次上限不能超过每日上限' : null)}
      onSave={async ([perAction, perDay]) => {
        const saved: EconomyCaps = await setEconomyCaps(communityId, { maxPointsPerAction: perAction, maxRulePointsPerMemberDay: perDay })
        caps.setData(() => saved)
      }}
    />
  )
}
