import { View } from '@tarojs/components'
import { Input } from '@/shared/ui/form-controls'
import { useState } from 'react'
import type { GroupBuy, GroupBuyEntry } from '@/features/groupbuy/api'
import ActionButton from '@/shared/ui/action-button'
import QuantityStepper from '@/features/groupbuy/components/quantity-stepper'
import { GROUP_BUY_NOTE_MAX } from '@/features/groupbuy/labels'
import { maxQuantity } from '@/features/groupbuy/rules'
import { fenToYuan } from '@/shared/format/money'
// The inputs share the form fields' look (qy-field__input / qy-field__textarea).
import '@/shared/ui/form-field/index.css'
import './index.css'

interface EntryFormProps {
  groupBuy: Pick<GroupBuy, 'priceFen' | 'remaining' | 'perMemberLimit'>
  /** set when changing my entry */
  entry: GroupBuyEntry | null
  pending: 'join' | 'update' | 'cancel' | null
  onSubmit: (choice: { quantity: number; note: string }) => void
  onCancelEntry: () => void
}

/** Quantity (bounded by what is left and the per-member limit) and a note; the total to pay at pickup. */
export default function EntryForm({ groupBuy, entry, pending, onSubmit, onCancelEntry }: EntryFormProps) {
  const max = maxQuantity(groupBuy, entry?.quantity ?? 0)
  const [quantity, setQuantity] = useState(Math.min(entry?.quantity ?? 1, Math.max(1, max)))
  const [note, setNote] = useState(entry?.note ?? '')
  const limitText = groupBuy.perMemberLimit ? `每人限购 ${groupBuy.perMemberLimit} 份，` : ''

  return (
    <View className='qy-entry-form'>
      <View className='qy-entry-form__row'>
        <View>
          <View className='qy-entry-form__label'>份数</View>
          <View className='qy-entry-form__hint'>
            {limitText}最多可选 {max} 份
          </View>
        </View>
        <QuantityStepper value={quantity} max={max} onChange={setQuantity} />
      </View>
      <View className='qy-entry-form__label'>备注</View>
      <Input
        className='qy-field__input qy-entry-form__note'
        label='备注'
        value={note}
        maxlength={GROUP_BUY_NOTE_MAX}
        placeholder='选填，如口味、取货时间'
        onInput={(event) => setNote(event.detail.value)}
      />
      <View className='qy-entry-form__total'>
        合计 <View className='qy-entry-form__amount'>¥{fenToYuan(groupBuy.priceFen * quantity)}</View>
        <View className='qy-entry-form__pay'>取货时线下付款</View>
      </View>
      <ActionButton
        className='qy-entry-form__submit'
        disabled={max < 1 || (pending !== null && pending !== (entry ? 'update' : 'join'))}
        loading={pending === (entry ? 'update' : 'join')}
        onClick={() => onSubmit({ quantity, note })}
      >
        {entry ? '保存修改' : '确认接龙'}
      </ActionButton>
      {entry && (
        <ActionButton
          className='qy-entry-form__cancel'
          variant='danger'
          loading={pending === 'cancel'}
          disabled={pending !== null && pending !== 'cancel'}
          onClick={onCancelEntry}
        >
          取消接龙
        </ActionButton>
      )}
    </View>
  )
}
