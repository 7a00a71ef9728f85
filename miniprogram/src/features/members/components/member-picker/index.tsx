import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import type { Member } from '@/features/membership/api'
import EmptyView from '@/shared/ui/empty-view'
import MemberRow from '@/features/members/components/member-row'
import './index.css'

interface MemberPickerProps {
  members: Member[]
  selfId: string
  onPick: (member: Member) => void
}

/** Search by nickname, tap to choose. */
export default function MemberPicker({ members, selfId, onPick }: MemberPickerProps) {
  const [keyword, setKeyword] = useState('')
  const needle = keyword.trim().toLowerCase()
  const shown = needle ? members.filter((member) => (member.nickname ?? '').toLowerCase().includes(needle)) : members
  return (
    <View className='qy-member-picker'>
      <Input
        className='qy-member-picker__search'
        value={keyword}
        placeholder='搜索成员昵称'
        confirmType='search'
        onInput={(event) => setKeyword(event.detail.value)}
      />
      {shown.length === 0 ? (
        <EmptyView icon='人' tone='gray' title='没有找到成员' description={needle ? `没有昵称包含「${keyword.trim()}」的成员` : undefined} />
      ) : (
        <View className='qy-card qy-member-picker__list'>
          {shown.map((member) => (
            <MemberRow key={member.id} member={member} isSelf={member.id === selfId} actionLabel='选择' onClick={() => onPick(member)} />
          ))}
        </View>
      )}
    </View>
  )
}
