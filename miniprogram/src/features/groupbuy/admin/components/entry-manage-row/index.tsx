import { View } from '@tarojs/components'
import { Switch } from '@/shared/ui/form-controls'
import type { GroupBuyEntry } from '@/features/groupbuy/api'
import { formatDateTime } from '@/shared/format/format'
import { entryLine } from '@/features/groupbuy/rules'
import './index.css'

interface EntryManageRowProps {
  entry: GroupBuyEntry
  busy: boolean
  onPickedUp: (pickedUp: boolean) => void
}

/** One 接龙 entry for the admin: who, how many, the note, and the 已取货 switch. */
export default function EntryManageRow({ entry, busy, onPickedUp }: EntryManageRowProps) {
  return (
    <View className={`qy-entry-manage ${entry.pickedUp ? 'is-picked' : ''}`}>
      <View className='qy-entry-manage__body'>
        <View className='qy-entry-manage__line'>{entryLine(entry)}</View>
        {entry.note && <View className='qy-entry-manage__note'>{entry.note}</View>}
        <View className='qy-entry-manage__time'>{formatDateTime(entry.createdAt)}</View>
      </View>
      <View className='qy-entry-manage__pick'>
        <Switch label='已取货' checked={entry.pickedUp} color='#07c160' disabled={busy} onChange={(event) => onPickedUp(event.detail.value)} />
        <View className='qy-entry-manage__pick-label'>{entry.pickedUp ? '已取货' : '未取货'}</View>
      </View>
    </View>
  )
}
