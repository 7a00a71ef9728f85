import { View } from '@tarojs/components'
import { Textarea } from '@/shared/ui/form-controls'
import { useState } from 'react'
import ActionButton from '@/shared/ui/action-button'
import BottomSheet from '@/shared/ui/bottom-sheet'
// The inputs share the form fields' look (qy-field__input / qy-field__textarea).
import '@/shared/ui/form-field/index.css'
import './index.css'

interface ReasonSheetProps {
  title: string
  placeholder: string
  confirmText: string
  maxLength: number
  /** What else the confirmation does (e.g. the entry fee goes back), shown above the input. */
  notice?: string
  busy: boolean
  onConfirm: (reason: string) => void
  onClose: () => void
}

/** A reason to type before a refusal (拒绝入群申请); the member reads it. */
export default function ReasonSheet({ title, placeholder, confirmText, maxLength, notice, busy, onConfirm, onClose }: ReasonSheetProps) {
  const [reason, setReason] = useState('')
  return (
    <BottomSheet title={title} onClose={onClose}>
      {notice && <View className='qy-reason-sheet__notice'>{notice}</View>}
      <Textarea
        className='qy-field__textarea qy-reason-sheet__input'
        label={title}
        value={reason}
        maxlength={maxLength}
        placeholder={placeholder}
        onInput={(event) => setReason(event.detail.value)}
      />
      <View className='qy-reason-sheet__counter'>
        {reason.length}/{maxLength}
      </View>
      <ActionButton variant='danger' loading={busy} onClick={() => onConfirm(reason.trim())}>
        {confirmText}
      </ActionButton>
    </BottomSheet>
  )
}
