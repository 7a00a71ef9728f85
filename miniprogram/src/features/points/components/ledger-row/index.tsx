import { View } from '@tarojs/components'
import type { PointsEntry } from '@/features/points/api'
import { pointsEntryLabel, signedPoints } from '@/features/points/labels'
import { formatDateTime } from '@/shared/format/format'
import './index.css'

export default function LedgerRow({ entry }: { entry: PointsEntry }) {
  return (
    <View className='qy-ledger-row'>
      <View className='qy-ledger-row__body'>
        <View className='qy-ledger-row__type'>{pointsEntryLabel(entry.type)}</View>
        {entry.note && <View className='qy-ledger-row__note'>{entry.note}</View>}
        <View className='qy-ledger-row__time'>{formatDateTime(entry.createdAt)}</View>
      </View>
      <View className='qy-ledger-row__numbers'>
        <View className={`qy-ledger-row__amount ${entry.amount >= 0 ? 'is-gain' : 'is-spend'}`}>{signedPoints(entry.amount)}</View>
        <View className='qy-ledger-row__balance'>余额 {entry.balanceAfter}</View>
      </View>
    </View>
  )
}
