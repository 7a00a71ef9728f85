import { View } from '@tarojs/components'
import { Input } from '@/shared/ui/form-controls'
import { useState } from 'react'
import { setCouponIssuingPaused } from '@/features/coupons/admin/template-api'
import { messageOf } from '@/shared/graphql/errors'
import { formatDateTime } from '@/shared/format/format'
import ActionButton from '@/shared/ui/action-button'
import NoticeBar from '@/shared/ui/notice-bar'
import { alertMessage, confirmAction, toastSuccess } from '@/platform/feedback'
import './index.css'

interface IssuingPauseCardProps {
  communityId: string
  pausedAt: string | null
  reason: string | null
  /** Reloads the community after a change. */
  onChanged: () => Promise<void>
}

const REASON_MAX = 60

/**
 * 暂停发放, the emergency stop for a coupon gone wrong: while paused, nobody redeems or is granted a coupon
 * (members read the reason in the shop); coupons already issued can still be written off.
 */
export default function IssuingPauseCard({ communityId, pausedAt, reason, onChanged }: IssuingPauseCardProps) {
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)

  const change = async (paused: boolean) => {
    const why = typed.trim()
    if (paused && !why) {
      void alertMessage('请填写暂停原因，成员会在兑换页看到它', '还不能暂停')
      return
    }
    const confirmed = await confirmAction(
      paused
        ? { title: '暂停发放优惠券', content: `暂停后成员不能兑换、管理员不能送券，已发出的券照常核销。成员会看到：${why}`, confirmText: '暂停发放', danger: true }
        : { title: '恢复发放优惠券', content: '恢复后成员可以继续兑换优惠券。', confirmText: '恢复发放' },
    )
    if (!confirmed) return
    setBusy(true)
    try {
      await setCouponIssuingPaused(communityId, paused, paused ? why : undefined)
      await onChanged()
      setTyped('')
      toastSuccess(paused ? '已暂停发放' : '已恢复发放')
    } catch (caught) {
      void alertMessage(messageOf(caught), '操作失败')
    } finally {
      setBusy(false)
    }
  }

  if (pausedAt) {
    return (
      <NoticeBar
        tone='warning'
        title='优惠券已暂停发放'
        description={`${reason ?? ''} · ${formatDateTime(pausedAt)} 起`}
        action={
          <ActionButton size='small' loading={busy} onClick={() => void change(false)}>
            恢复发放
          </ActionButton>
        }
      />
    )
  }
  return (
    <View className='qy-card qy-issuing-pause'>
      <View className='qy-issuing-pause__title'>紧急暂停发放</View>
      <View className='qy-issuing-pause__hint'>券出了问题（面值错了、被刷单）时先暂停：成员不能兑换、不能送券，已发出的券照常核销。</View>
      <View className='qy-issuing-pause__row'>
        <Input
          className='qy-field__input qy-issuing-pause__reason'
          label='暂停原因'
          value={typed}
          maxlength={REASON_MAX}
          placeholder='暂停原因，成员会看到'
          onInput={(event) => setTyped(event.detail.value)}
        />
        <ActionButton size='small' variant='secondary' loading={busy} onClick={() => void change(true)}>
          暂停发放
        </ActionButton>
      </View>
    </View>
  )
}
