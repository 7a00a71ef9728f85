import { Picker, View } from '@tarojs/components'
import type { DateTimeInput } from '@/shared/format/date-input'
import './index.css'

interface DateTimePickerProps {
  value: DateTimeInput
  onChange: (value: DateTimeInput) => void
  /** offered when the value may be left empty (e.g. no deadline) */
  onClear?: () => void
}

/** A local date and a time, side by side (Taro has no combined picker). */
export default function DateTimePicker({ value, onChange, onClear }: DateTimePickerProps) {
  return (
    <View className='qy-datetime'>
      <Picker mode='date' value={value.date} onChange={(event) => onChange({ ...value, date: String(event.detail.value) })}>
        <View className={`qy-datetime__part qy-datetime__date ${value.date ? '' : 'is-empty'}`}>{value.date || '选择日期'}</View>
      </Picker>
      <Picker mode='time' value={value.time} onChange={(event) => onChange({ ...value, time: String(event.detail.value) })}>
        <View className={`qy-datetime__part qy-datetime__time ${value.time ? '' : 'is-empty'}`}>{value.time || '时间'}</View>
      </Picker>
      {onClear && (value.date || value.time) && (
        <View className='qy-datetime__clear' onClick={onClear}>
          清除
        </View>
      )}
    </View>
  )
}
