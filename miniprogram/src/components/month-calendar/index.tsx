import { View } from '@tarojs/components'
import { monthCells, monthTitle } from '@/utils/calendar'
import './index.css'

interface MonthCalendarProps {
  /** YYYY-MM */
  month: string
  /** YYYY-MM-DD checked in */
  checkedDays: string[]
  /** YYYY-MM-DD, community-local */
  today: string
  onPrev: () => void
  onNext?: () => void
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

export default function MonthCalendar({ month, checkedDays, today, onPrev, onNext }: MonthCalendarProps) {
  const checked = new Set(checkedDays)
  return (
    <View className='qy-calendar'>
      <View className='qy-calendar__head'>
        <View className='qy-calendar__nav' hoverClass='is-pressed' onClick={onPrev}>
          ‹
        </View>
        <View className='qy-calendar__title'>{monthTitle(month)}</View>
        <View
          className={`qy-calendar__nav ${onNext ? '' : 'is-disabled'}`}
          hoverClass={onNext ? 'is-pressed' : 'none'}
          onClick={onNext}
        >
          ›
        </View>
      </View>
      <View className='qy-calendar__grid'>
        {WEEKDAYS.map((weekday) => (
          <View key={weekday} className='qy-calendar__weekday'>
            {weekday}
          </View>
        ))}
        {monthCells(month).map((date, index) =>
          date ? (
            <View
              key={date}
              className={`qy-calendar__day ${checked.has(date) ? 'is-checked' : ''} ${date === today ? 'is-today' : ''} ${date > today ? 'is-future' : ''}`}
            >
              <View className='qy-calendar__date'>{Number(date.slice(8))}</View>
            </View>
          ) : (
            <View key={`blank-${index}`} className='qy-calendar__day' />
          ),
        )}
      </View>
    </View>
  )
}
