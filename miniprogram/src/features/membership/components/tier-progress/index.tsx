import { View } from '@tarojs/components'
import type { MemberTierProgress } from '@/features/membership/api'
import './index.css'

type TierProgressProps = MemberTierProgress & { lifetimePoints: number }

/** The bar from the member's tier to the next one, on the member card. */
export default function TierProgress({ tier, nextTier, pointsToNextTier, lifetimePoints }: TierProgressProps) {
  let percent = 100
  let text = '已是最高等级'
  if (nextTier) {
    const missing = pointsToNextTier ?? Math.max(0, nextTier.threshold - lifetimePoints)
    const span = Math.max(1, nextTier.threshold - tier.threshold)
    percent = Math.min(100, Math.max(0, ((span - missing) / span) * 100))
    text = `再得 ${missing} 积分升级为 ${nextTier.name}`
  }
  return (
    <View className='qy-tier-progress'>
      <View className='qy-tier-progress__track'>
        <View className='qy-tier-progress__bar' style={{ width: `${percent}%` }} />
      </View>
      <View className='qy-tier-progress__text'>{text}</View>
    </View>
  )
}
