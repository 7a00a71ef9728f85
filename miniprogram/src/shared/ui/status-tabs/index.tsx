import { View } from '@tarojs/components'
import type { Option } from '@/shared/format/option'
import './index.css'

interface StatusTabsProps<T extends string> {
  tabs: Option<T>[]
  value: T
  onChange: (value: T) => void
}

export default function StatusTabs<T extends string>({ tabs, value, onChange }: StatusTabsProps<T>) {
  return (
    <View className='qy-tabs'>
      {tabs.map((tab) => (
        <View
          key={tab.value}
          className={`qy-tabs__item ${tab.value === value ? 'is-active' : ''}`}
          onClick={() => onChange(tab.value)}
        >
          {tab.label}
        </View>
      ))}
    </View>
  )
}
