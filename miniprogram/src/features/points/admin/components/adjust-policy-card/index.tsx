import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import { messageOf } from '@/shared/graphql/errors'
import { type PointsAdjustPolicy } from '@/features/points/api'
import { setPointsAdjustPolicy } from '@/features/points/admin/api'
import { parseWhole } from '@/shared/format/number-text'
import ActionButton from '@/shared/ui/action-button'
import { alertMessage, toastSuccess } from '@/platform/feedback'
import './index.css'

interface AdjustPolicyCardProps {
  communityId: string
  policy: PointsAdjustPolicy
  /** Only the owner (群主) sets the caps; admins see them. */
  editable: boolean
  onSaved: (policy: PointsAdjustPolicy) => void
}

/** The caps that keep an admin from minting points: per call, and per operator per day. */
export default function AdjustPolicyCard({ communityId, policy, editable, onSaved }: AdjustPolicyCardProps) {
  const [editing, setEditing] = useState(false)
  const [perCall, setPerCall] = useState(String(policy.perCallLimit))
  const [daily, setDaily] = useState(String(policy.dailyLimit))
  const [saving, setSaving] = useState(false)

  const save = async () => {
    const perCallLimit = parseWhole(perCall)
    const dailyLimit = parseWhole(daily)
    if (!perCallLimit || !dailyLimit || perCallLimit > dailyLimit) {
      void alertMessage('请填写大于 0 的整数，且单次上限不超过每日上限', '无法保存')
      return
    }
    setSaving(true)
    try {
      onSaved(await setPointsAdjustPolicy(communityId, perCallLimit, dailyLimit))
      setEditing(false)
      toastSuccess('已保存')
    } catch (caught) {
      void alertMessage(messageOf(caught), '保存失败')
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='qy-card qy-adjust-policy'>
      <View className='qy-adjust-policy__row'>
        <View>单次最多 {policy.perCallLimit} 积分 · 每人每日最多 {policy.dailyLimit}</View>
        {editable && !editing && (
          <View className='qy-adjust-policy__edit' onClick={() => setEditing(true)}>
            修改
          </View>
        )}
      </View>
      <View className='qy-adjust-policy__used'>
        你今天已调整 {policy.usedToday} 积分，还可调整 {Math.max(0, policy.dailyLimit - policy.usedToday)}
      </View>
      {editing && (
        <View className='qy-adjust-policy__form'>
          <View className='qy-adjust-policy__field'>
            单次上限
            <Input className='qy-field__input' type='number' value={perCall} onInput={(event) => setPerCall(event.detail.value)} />
          </View>
          <View className='qy-adjust-policy__field'>
            每日上限
            <Input className='qy-field__input' type='number' value={daily} onInput={(event) => setDaily(event.detail.value)} />
          </View>
          <ActionButton size='small' loading={saving} onClick={() => void save()}>
            保存上限
          </ActionButton>
        </View>
      )}
    </View>
  )
}
