import { type PointsAdjustPolicy } from '@/features/points/api'
import { setPointsAdjustPolicy } from '@/features/points/admin/api'
import LimitsCard from '@/shared/ui/limits-card'

interface AdjustPolicyCardProps {
  communityId: string
  policy: PointsAdjustPolicy
  /** Only the owner (群主) sets the caps; admins see them. */
  editable: boolean
  onSaved: (policy: PointsAdjustPolicy) => void
}

/** The caps that keep an admin from minting points: per call, and per operator per day (送券 counts at face value). */
export default function AdjustPolicyCard({ communityId, policy, editable, onSaved }: AdjustPolicyCardProps) {
  return (
    <LimitsCard
      summary={`单次最多 ${policy.perCallLimit} 积分 · 每人每日最多 ${policy.dailyLimit}`}
      detail={`你今天已调整 ${policy.usedToday} 积分（含送出的券），还可调整 ${Math.max(0, policy.dailyLimit - policy.usedToday)}`}
      fields={[
        { label: '单次上限', value: policy.perCallLimit },
        { label: '每日上限', value: policy.dailyLimit },
      ]}
      editable={editable}
      refusal={([perCall, daily]) => (perCall > daily ? '单次上限不能超过每日上限' : null)}
      onSave={async ([perCall, daily]) => onSaved(await setPointsAdjustPolicy(communityId, perCall, daily))}
    />
  )
}
