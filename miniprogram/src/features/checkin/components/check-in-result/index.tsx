import { View } from '@tarojs/components'
import type { CheckInOutcome } from '@/features/checkin/hooks/useCheckIn'
import { nextBonusText } from '@/features/checkin/rules'
import ActionButton from '@/shared/ui/action-button'
import './index.css'

/** What the tap earned: points, streak bonus, balance, streak and the next bonus. */
export default function CheckInResult({ outcome, onClose }: { outcome: CheckInOutcome; onClose: () => void }) {
  const { reward, alreadyMessage } = outcome
  return (
    <View className='qy-checkin-result' catchMove onClick={onClose}>
      <View className='qy-checkin-result__sheet' onClick={(event) => event.stopPropagation()}>
        <View className='qy-checkin-result__badge'>✓</View>
        <View className='qy-checkin-result__title'>{alreadyMessage ? '今日已签到' : '签到成功'}</View>
        {alreadyMessage && <View className='qy-checkin-result__message'>{alreadyMessage}</View>}
        <View className='qy-checkin-result__rewards'>
          <View className='qy-checkin-result__reward'>+{reward.pointsAwarded} 积分</View>
          {reward.bonusPoints > 0 && (
            <View className='qy-checkin-result__reward qy-checkin-result__reward--bonus'>+{reward.bonusPoints} 连签奖励</View>
          )}
        </View>
        {reward.capNote && <View className='qy-checkin-result__message'>{reward.capNote}</View>}
        <View className='qy-checkin-result__facts'>
          <View className='qy-checkin-result__fact'>
            <View className='qy-checkin-result__fact-value'>{reward.balance}</View>
            <View className='qy-muted'>当前积分</View>
          </View>
          <View className='qy-checkin-result__fact'>
            <View className='qy-checkin-result__fact-value'>{reward.streak}</View>
            <View className='qy-muted'>连续签到（天）</View>
          </View>
        </View>
        {reward.nextBonus && <View className='qy-checkin-result__next'>{nextBonusText(reward.nextBonus)}</View>}
        <ActionButton className='qy-checkin-result__close' onClick={onClose}>
          知道了
        </ActionButton>
      </View>
    </View>
  )
}
