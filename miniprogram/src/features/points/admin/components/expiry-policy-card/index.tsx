import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import { fetchPointsExpiryPolicy, type PointsExpiryPolicy, setPointsExpiryPolicy } from '@/features/points/admin/api'
import { expiryPolicyText, EXPIRY_MODE_OPTIONS, ROLLING_MONTHS } from '@/features/points/expiry-policy'
import { messageOf } from '@/shared/graphql/errors'
import { parseWhole } from '@/shared/format/number-text'
import { useQuery } from '@/shared/hooks/useQuery'
import ActionButton from '@/shared/ui/action-button'
import ChoiceList from '@/shared/ui/choice-list'
import { alertMessage, toastSuccess } from '@/platform/feedback'
import '@/shared/ui/limits-card/index.css'

interface ExpiryPolicyCardProps {
  communityId: string
  /** Only the owner (群主) sets it. */
  editable: boolean
}

/** 积分有效期: read by admins, set by the owner; a change applies to points earned from then on. */
export default function ExpiryPolicyCard({ communityId, editable }: ExpiryPolicyCardProps) {
  const policy = useQuery(() => fetchPointsExpiryPolicy(communityId), [communityId])
  const [editing, setEditing] = useState<{ mode: PointsExpiryPolicy['mode']; months: string } | null>(null)
  const [saving, setSaving] = useState(false)
  if (!policy.data) return null

  const save = async () => {
    if (!editing) return
    const months = editing.mode === 'ROLLING' ? parseWhole(editing.months) : null
    if (editing.mode === 'ROLLING' && (months === null || months < ROLLING_MONTHS.min || months > ROLLING_MONTHS.max)) {
      void alertMessage(`有效月数应为 ${ROLLING_MONTHS.min}–${ROLLING_MONTHS.max} 的整数`, '无法保存')
      return
    }
    setSaving(true)
    try {
      const saved = await setPointsExpiryPolicy(communityId, { mode: editing.mode, months })
      policy.setData(() => saved)
      setEditing(null)
      toastSuccess('已保存')
    } catch (caught) {
      void alertMessage(messageOf(caught), '保存失败')
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='qy-card qy-limits'>
      <View className='qy-limits__row'>
        <View>积分有效期：{expiryPolicyText(policy.data)}</View>
        {editable && !editing && (
          <View className='qy-limits__edit' ariaRole='button' onClick={() => setEditing({ mode: policy.data!.mode, months: String(policy.data!.months ?? 12) })}>
            修改
          </View>
        )}
      </View>
      <View className='qy-limits__detail'>修改只影响之后获得的积分；改为永久有效后，所有积分都不再过期。成员会在过期前 30 天和 7 天收到提醒。</View>
      {editing && (
        <View className='qy-limits__form'>
          <ChoiceList options={EXPIRY_MODE_OPTIONS} value={editing.mode} onChange={(mode) => setEditing({ ...editing, mode })} />
          {editing.mode === 'ROLLING' && (
            <View className='qy-limits__field'>
              <View className='qy-limits__label'>有效月数</View>
              <Input
                className='qy-field__input'
                type='number'
                ariaLabel='有效月数'
                value={editing.months}
                onInput={(event) => setEditing({ ...editing, months: event.detail.value })}
              />
            </View>
          )}
          <ActionButton size='small' loading={saving} onClick={() => void save()}>
            保存有效期
          </ActionButton>
        </View>
      )}
    </View>
  )
}
