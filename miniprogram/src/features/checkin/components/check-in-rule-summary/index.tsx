import { View } from '@tarojs/components'
import type { CheckInRule } from '@/features/checkin/api'
import './index.css'

/** Base points and the streak bonus table, as members read it. */
export default function CheckInRuleSummary({ rule }: { rule: CheckInRule }) {
  const bonuses = [...rule.bonuses].sort((a, b) => a.day - b.day)
  return (
    <View className='qy-rule-summary'>
      <View className='qy-rule-summary__line'>
        每日签到 <View className='qy-rule-summary__em'>+{rule.basePoints}</View> 积分，会员等级越高加成越多
      </View>
      {bonuses.length > 0 && (
        <View className='qy-rule-summary__table'>
          {bonuses.map((bonus) => (
            <View key={bonus.day} className='qy-rule-summary__row'>
              <View>连续签到第 {bonus.day} 天</View>
              <View className='qy-rule-summary__em'>额外 +{bonus.points}</View>
            </View>
          ))}
        </View>
      )}
      <View className='qy-rule-summary__note'>每 {rule.cycleDays} 天为一个周期，周期结束后奖励重新开始，连签天数继续累计；断签后从第 1 天算起。</View>
      {rule.makeUpMonthlyAllowance > 0 && (
        <View className='qy-rule-summary__note'>
          漏签了？最近 7 天内的漏签日可以补签，每次消耗 {rule.makeUpCost} 积分，每月最多 {rule.makeUpMonthlyAllowance} 次；补签的日子计入连签，不发签到积分。
        </View>
      )}
    </View>
  )
}
