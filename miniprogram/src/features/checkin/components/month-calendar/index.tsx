import { View } from '@tarojs/components'
import { monthCells, monthTitle } from '@/shared/format/calendar'
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
  /** Checked days that were filled by 补签 (drawn apart) */
  madeUpDays?: string[]
  /** Missed days that may be filled now: tappable, marked 补 */
  makeUpDays?: string[]
  onMakeUp?: (date: string) => void
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

export default function MonthCalendar({ month, checkedDays, today, onPrev, onNext, madeUpDays = [], makeUpDays = [], onMakeUp }: MonthCalendarProps) {
  const checked = new Set(checkedDays)
  const madeUp = new Set(madeUpDays)
  const offered = new Set(onMakeUp ? makeUpDays : [])
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
              className={[
                'qy-calendar__day',
                checked.has(date) ? 'is-checked' : '',
                madeUp.has(date) ? 'is-made-up' : '',
                offered.has(date) ? 'is-offered' : '',
                date === today ? 'is-today' : '',
                date > today ? 'is-future' : '',
              ].filter(Boolean).join(' ')}
              hoverClass={offered.has(date) ? 'is-pressed' : 'none'}
              onClick={offered.has(date) ? () => onMakeUp?.(date) : undefined}
            >
              <View className='qy-calendar__date'>{Number(date.slice(8))}</View>
              {madeUp.has(date) && <View className='qy-calendar__tag'>补</View>}
              {offered.has(date) && <View className='qy-calendar__tag is-offer'>可补</View>}
            </View>
          ) : (
            <View key={`blank-${index}`} className='qy-calendar__day' />
          ),
        )}
      </View>
    </View>
  )
}
