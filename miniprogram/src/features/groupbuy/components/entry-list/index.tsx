import { View } from '@tarojs/components'
import type { GroupBuyEntry } from '@/features/groupbuy/api'
import { entryLine } from '@/features/groupbuy/rules'
import Avatar from '@/shared/ui/avatar'
import './index.css'

interface EntryListProps {
  entries: GroupBuyEntry[]
  myEntryId: string | null
}

/** The 接龙 list every member sees: "#1 张三 ×2 备注", mine highlighted. */
export default function EntryList({ entries, myEntryId }: EntryListProps) {
  return (
    <View className='qy-card qy-entries'>
      <View className='qy-entries__head'>
        <View className='qy-entries__title'>接龙</View>
        <View className='qy-muted'>共 {entries.length} 人</View>
      </View>
      {entries.length === 0 ? (
        <View className='qy-entries__empty'>还没有人接龙，快来做第一个吧</View>
      ) : (
        entries.map((entry) => (
          <View key={entry.id} className={`qy-entries__row ${entry.id === myEntryId ? 'is-mine' : ''}`}>
            <View className='qy-entries__line'>
              <Avatar name={entry.member.nickname} url={entry.member.avatarUrl} size='small' />
              <View className='qy-entries__text'>{entryLine(entry)}</View>
              {entry.member.tierName && <View className='qy-entries__tier'>{entry.member.tierName}</View>}
              {entry.id === myEntryId && <View className='qy-entries__mine'>我</View>}
            </View>
            {entry.note && <View className='qy-entries__note'>{entry.note}</View>}
          </View>
        ))
      )}
    </View>
  )
}
