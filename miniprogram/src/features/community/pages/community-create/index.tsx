import { View } from '@tarojs/components'
import { Input, Textarea } from '@/shared/ui/form-controls'
import { useState } from 'react'
import { type CommunityCategory, createCommunity, type JoinPolicy } from '@/features/community/api'
import { messageOf } from '@/shared/graphql/errors'
import ActionButton from '@/shared/ui/action-button'
import ChoiceList from '@/shared/ui/choice-list'
import FormField from '@/shared/ui/form-field'
import LoginPanel from '@/features/session/components/login-panel'
import {
  CATEGORY_OPTIONS,
  COMMUNITY_DESCRIPTION_MAX,
  COMMUNITY_NAME_MAX,
  COMMUNITY_NAME_MIN,
  JOIN_POLICY_OPTIONS,
} from '@/features/community/labels'
import { useToken } from '@/features/session/hooks/useSession'
import { setCurrentCommunityId } from '@/features/community/current-community'
import { alertMessage, toastSuccess } from '@/platform/feedback'
import { goHome } from '@/shared/routes'
import './index.css'

function nameError(name: string): string | null {
  if (name.length < COMMUNITY_NAME_MIN) return `社群名称至少 ${COMMUNITY_NAME_MIN} 个字`
  if (name.length > COMMUNITY_NAME_MAX) return `社群名称最多 ${COMMUNITY_NAME_MAX} 个字`
  return null
}

export default function CommunityCreatePage() {
  const token = useToken()
  const [name, setName] = useState('')
  const [category, setCategory] = useState<CommunityCategory>('PRODUCT_SERVICE')
  const [joinPolicy, setJoinPolicy] = useState<JoinPolicy>('OPEN')
  const [description, setDescription] = useState('')
  const [showErrors, setShowErrors] = useState(false)
  const [submitting, setSubmitting] = useState(false)

  if (!token) return <LoginPanel />

  const trimmedName = name.trim()
  const problem = nameError(trimmedName)

  const submit = async () => {
    setShowErrors(true)
    if (problem) return
    setSubmitting(true)
    try {
      const community = await createCommunity({
        name: trimmedName,
        category,
        joinPolicy,
        description: description.trim() || undefined,
      })
      setCurrentCommunityId(community.id)
      toastSuccess('创建成功')
      setTimeout(goHome, 800)
    } catch (caught) {
      setSubmitting(false)
      void alertMessage(messageOf(caught), '创建失败')
    }
  }

  return (
    <View className='qy-page qy-create'>
      <View className='qy-create__intro'>
        <View className='qy-create__title'>为你的群开通会员服务</View>
        <View className='qy-muted'>创建后你就是群主，可以邀请成员、绑定微信群、发布福利。</View>
      </View>

      <View className='qy-card'>
        <FormField
          label='社群名称'
          required
          counter={`${trimmedName.length}/${COMMUNITY_NAME_MAX}`}
          error={showErrors ? problem : null}
          hint={`${COMMUNITY_NAME_MIN}–${COMMUNITY_NAME_MAX} 个字，成员会在首页看到`}
        >
          <Input
            className='qy-field__input'
            value={name}
            maxlength={COMMUNITY_NAME_MAX}
            placeholder='例如：阿芳烘焙 · 老客福利群'
            onInput={(event) => setName(event.detail.value)}
          />
        </FormField>

        <FormField label='社群类型' required>
          <ChoiceList options={CATEGORY_OPTIONS} value={category} onChange={setCategory} layout='grid' />
        </FormField>

        <FormField label='加入方式' required>
          <ChoiceList options={JOIN_POLICY_OPTIONS} value={joinPolicy} onChange={setJoinPolicy} />
        </FormField>

        <FormField label='社群公告' counter={`${description.length}/${COMMUNITY_DESCRIPTION_MAX}`} hint='介绍社群、群规或福利，选填'>
          <Textarea
            className='qy-field__textarea'
            value={description}
            maxlength={COMMUNITY_DESCRIPTION_MAX}
            placeholder='例如：每天签到领积分，积分可兑换门店优惠券～'
            onInput={(event) => setDescription(event.detail.value)}
          />
        </FormField>
      </View>

      <ActionButton loading={submitting} onClick={() => void submit()}>
        创建社群
      </ActionButton>
    </View>
  )
}
