import { View } from '@tarojs/components'
import type { CycleDay } from '@/features/checkin/rules'
import './index.css'

/** The days of the check-in cycle: checked ones filled, bonus days carry their bonus. */
export default function StreakStrip({ days }: { days: CycleDay[] }) {
  return (
    <View className='qy-streak'>
      {days.map((day) => (
        <View
          key={day.day}
          className={`qy-streak__day ${day.checked ? 'is-checked' : ''} ${day.today ? 'is-today' : ''} ${day.bonus ? 'has-bonus' : ''}`}
        >
          <View className='qy-streak__points'>{day.bonus ? `+${day.bonus}` : day.checked ? '✓' : ''}</View>
          <View className='qy-streak__label'>{day.today ? '今天' : `第${day.day}天`}</View>
        </View>
      ))}
    </View>
  )
}
