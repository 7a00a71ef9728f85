import { View } from '@tarojs/components'
import { Input } from '@/shared/ui/form-controls'
import './index.css'

interface MemberSearchProps {
  value: string
  onChange: (value: string) => void
}

/** The nickname search box of the member lists, labelled for screen readers, with a clear button. */
export default function MemberSearch({ value, onChange }: MemberSearchProps) {
  return (
    <View className='qy-member-search'>
      <View className='qy-member-search__icon'>搜</View>
      <Input
        className='qy-member-search__input'
        value={value}
        placeholder='搜索成员昵称'
        label='搜索成员昵称'
        confirmType='search'
        maxlength={32}
        onInput={(event) => onChange(event.detail.value)}
      />
      {value && (
        <View className='qy-member-search__clear' ariaRole='button' ariaLabel='清除搜索' onClick={() => onChange('')}>
          ×
        </View>
      )}
    </View>
  )
}
