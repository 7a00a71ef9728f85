import { Text, View } from '@tarojs/components'
import type { GroupBuyEntry } from '@/features/groupbuy/api'
import { entryLine } from '@/features/groupbuy/rules'
import Avatar from '@/shared/ui/avatar'
import { useReportContent } from '@/features/moderation/hooks/useReportContent'
import './index.css'

interface EntryListProps {
  entries: GroupBuyEntry[]
  myEntryId: string | null
}

const NOTE_STATUS_HINT: Record<string, string> = { REVIEW: '审核中，仅你和管理员可见', HIDDEN: '已被管理员隐藏，仅你和管理员可见' }

/** A note: 举报 on other members' notes; on mine, whether others see it. Others' hidden notes come without text and show nothing. */
function EntryNote({ entry, mine }: { entry: GroupBuyEntry; mine: boolean }) {
  const { report, reporting } = useReportContent()
  if (!entry.note) return null
  const hint = NOTE_STATUS_HINT[entry.noteStatus]
  return (
    <View className='qy-entries__note-row'>
      <View className='qy-entries__note'>
        {entry.note}
        {hint && <Text className='qy-entries__note-hint'>（{hint}）</Text>}
      </View>
      {!mine && (
        <View className='qy-entries__report' role='button' aria-label={`举报 #${entry.seq} 的备注`} aria-disabled={reporting} onClick={() => void report('GROUP_BUY_NOTE', entry.id)}>
          举报
        </View>
      )}
    </View>
  )
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
            <EntryNote entry={entry} mine={entry.id === myEntryId} />
          </View>
        ))
      )}
    </View>
  )
}
