import { View } from '@tarojs/components'
import type { Option } from '@/shared/format/option'
import './index.css'

type Selection<T extends string> =
  | { multiple?: false; value: T | null; onChange: (value: T) => void }
  | { multiple: true; value: T[]; onChange: (value: T[]) => void }

type ChoiceListProps<T extends string> = Selection<T> & {
  options: Option<T>[]
  /** grid: two per row (short labels); list: one per row with its hint. */
  layout?: 'grid' | 'list'
}

/** Radio cards, or checkbox cards with `multiple` (the value is then the picked values, in option order). */
export default function ChoiceList<T extends string>(props: ChoiceListProps<T>) {
  const { options, layout = 'list' } = props
  const isSelected = (value: T) => (props.multiple ? props.value.includes(value) : props.value === value)
  const toggle = (value: T) => {
    if (!props.multiple) return props.onChange(value)
    const picked = isSelected(value) ? props.value.filter((item) => item !== value) : [...props.value, value]
    props.onChange(options.map((option) => option.value).filter((item) => picked.includes(item)))
  }

  return (
    <View className={`qy-choices qy-choices--${layout} ${props.multiple ? 'qy-choices--multiple' : ''}`}>
      {options.map((option) => (
        <View
          key={option.value}
          className={`qy-choice ${isSelected(option.value) ? 'is-selected' : ''}`}
          onClick={() => toggle(option.value)}
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
