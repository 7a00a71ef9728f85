import { View } from '@tarojs/components'
import { Input } from '@/shared/ui/form-controls'
import { useState } from 'react'
import { fetchPointsExpiryPolicy, type PointsExpiryPolicy, setPointsExpiryPolicy } from '@/features/points/admin/api'
import { checkExpiryPolicy, expiryPolicyText, EXPIRY_MODE_OPTIONS } from '@/features/points/admin/expiry-policy'
import { useQuery } from '@/shared/hooks/useQuery'
import { useSaveAction } from '@/shared/hooks/useSaveAction'
import ActionButton from '@/shared/ui/action-button'
import ChoiceList from '@/shared/ui/choice-list'
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
  const checked = editing ? checkExpiryPolicy(editing) : null
  const { saving, save } = useSaveAction({
    input: checked?.value ?? null,
    invalidMessage: checked?.error,
    submit: (input) => setPointsExpiryPolicy(communityId, input),
    onSaved: (saved) => {
      policy.setData(() => saved)
      setEditing(null)
    },
    successText: '已保存',
  })
  if (!policy.data) return null
  const current = policy.data

  return (
    <View className='qy-card qy-limits'>
      <View className='qy-limits__row'>
        <View>积分有效期：{expiryPolicyText(current)}</View>
        {editable && !editing && (
          <View className='qy-limits__edit' ariaRole='button' onClick={() => setEditing({ mode: current.mode, months: String(current.months ?? 12) })}>
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
                label='有效月数'
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
