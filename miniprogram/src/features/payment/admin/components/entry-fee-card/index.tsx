import { View } from '@tarojs/components'
import { Input } from '@/shared/ui/form-controls'
import { useEffect, useState } from 'react'
import { messageOf } from '@/shared/graphql/errors'
import { setEntryFee } from '../../api'
import ActionButton from '@/shared/ui/action-button'
import FormField from '@/shared/ui/form-field'
import { feeText } from '../../../labels'
import { alertMessage, toastSuccess } from '@/platform/feedback'
import { fenToYuan, yuanToFen } from '@/shared/format/money'

const MAX_FEE_FEN = 100_000

interface EntryFeeCardProps {
  communityId: string
  entryFeeFen: number
  onSaved: (entryFeeFen: number) => void
}

/** 入群费 in 元 (stored as fen): 0 = free; joining by link or invite then goes through WeChat Pay. */
export default function EntryFeeCard({ communityId, entryFeeFen, onSaved }: EntryFeeCardProps) {
  const [text, setText] = useState(fenToYuan(entryFeeFen))
  const [saving, setSaving] = useState(false)
  useEffect(() => setText(fenToYuan(entryFeeFen)), [entryFeeFen])

  const save = async () => {
    const fen = yuanToFen(text)
    if (fen === null || fen > MAX_FEE_FEN) return void alertMessage('请填写 0–1000 元的金额，最多两位小数', '还不能保存')
    setSaving(true)
    try {
      const saved = await setEntryFee(communityId, fen)
      onSaved(saved.entryFeeFen)
      toastSuccess(saved.entryFeeFen > 0 ? `入群费已设为 ${feeText(saved.entryFeeFen)}` : '已改为免费入群')
    } catch (caught) {
      void alertMessage(messageOf(caught), '保存失败')
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='qy-card'>
      <FormField label='入群费（元）' required hint='填 0 为免费。新成员通过链接或邀请加入时先微信支付，到账后入群；问卷申请被拒绝时原路退款。'>
        <Input className='qy-field__input qy-entry-fee__input' type='digit' value={text} onInput={(event) => setText(event.detail.value)} />
      </FormField>
      <ActionButton loading={saving} onClick={() => void save()}>
        保存入群费
      </ActionButton>
    </View>
  )
}
