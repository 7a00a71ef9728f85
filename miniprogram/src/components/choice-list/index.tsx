import { View } from '@tarojs/components'
import type { Option } from '@/constants/option'
import './index.css'

interface ChoiceListProps<T extends string> {
  options: Option<T>[]
  value: T
  onChange: (value: T) => void
  /** grid: two per row (short labels); list: one per row with its hint. */
  layout?: 'grid' | 'list'
}

export default function ChoiceList<T extends string>({ options, value, onChange, layout = 'list' }: ChoiceListProps<T>) {
  return (
    <View className={`qy-choices qy-choices--${layout}`}>
      {options.map((option) => (
        <View
          key={option.value}
          className={`qy-choice ${option.value === value ? 'is-selected' : ''}`}
          onClick={() => onChange(option.value)}
        >
          <View className='qy-choice__radio' />
          <View className='qy-choice__text'>
            <View className='qy-choice__label'>{option.label}</View>
            {option.hint && <View className='qy-choice__hint'>{option.hint}</View>}
          </View>
        </View>
      ))}
    </View>
  )
}
