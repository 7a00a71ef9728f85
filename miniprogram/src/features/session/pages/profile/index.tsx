import { Button, View } from '@tarojs/components'
import { Input } from '@/shared/ui/form-controls'
import { useState } from 'react'
import { AVATAR_FROM_WECHAT, chooseImages } from '@/platform/media'
import { navigateBack } from '@/platform/navigation'
import { alertMessage, toastSuccess } from '@/platform/feedback'
import { UploadFailed, uploadImage } from '@/features/media/api'
import type { Membership } from '@/features/membership/api'
import MembershipGate from '@/features/membership/components/membership-gate'
import { useMembership } from '@/features/membership/hooks/useMembership'
import { updateProfile } from '@/features/session/api'
import { messageOf } from '@/shared/graphql/errors'
import Avatar from '@/shared/ui/avatar'
import ActionButton from '@/shared/ui/action-button'
import FormField from '@/shared/ui/form-field'
import './index.css'

const NICKNAME_MAX = 32

/**
 * 编辑资料: the avatar and nickname other members see, the WeChat way — the avatar from WeChat's chooseAvatar
 * (uploaded to our store: the server re-encodes it), the nickname from the `type="nickname"` input.
 */
export default function ProfilePage() {
  const state = useMembership()
  return (
    <MembershipGate state={state} allowed={state.membership?.status === 'ACTIVE'} denied={null}>
      {(membership) => <ProfileForm communityId={state.communityId!} membership={membership} />}
    </MembershipGate>
  )
}

function ProfileForm({ communityId, membership }: { communityId: string; membership: Membership }) {
  const [nickname, setNickname] = useState(membership.nickname ?? '')
  const [avatar, setAvatar] = useState<{ url: string; mediaId: string | null }>({ url: membership.avatarUrl ?? '', mediaId: null })
  const [uploading, setUploading] = useState<number | null>(null)
  const [saving, setSaving] = useState(false)
  const trimmed = nickname.trim()
  const nicknameError = trimmed.length === 0 ? '请填写昵称' : /[<>]/.test(trimmed) ? '昵称不能包含尖括号' : null

  const uploadAvatar = async (path: string) => {
    setUploading(0)
    try {
      const image = await uploadImage(path, { communityId, purpose: 'AVATAR' }, setUploading)
      setAvatar({ url: image.url, mediaId: image.id })
    } catch (error) {
      void alertMessage(error instanceof UploadFailed ? error.message : '上传失败，请重试', '头像没有换成')
    } finally {
      setUploading(null)
    }
  }

  const pickInBrowser = async () => {
    const [path] = await chooseImages(1)
    if (path) await uploadAvatar(path)
  }

  const save = async () => {
    if (nicknameError) return
    setSaving(true)
    try {
      await updateProfile({ nickname: trimmed, ...(avatar.mediaId ? { avatarMediaId: avatar.mediaId } : {}) })
      toastSuccess('资料已保存')
      navigateBack()
    } catch (error) {
      void alertMessage(messageOf(error), '保存失败')
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='qy-page qy-profile'>
      <View className='qy-card qy-profile__avatar-card'>
        <Button
          className='qy-profile__avatar-button'
          openType={AVATAR_FROM_WECHAT ? 'chooseAvatar' : undefined}
          onChooseAvatar={(event) => void uploadAvatar(event.detail.avatarUrl)}
          onClick={AVATAR_FROM_WECHAT ? undefined : () => void pickInBrowser()}
          ariaLabel='更换头像'
          disabled={uploading !== null}
        >
          <Avatar name={trimmed || membership.nickname} url={avatar.url} size='large' />
        </Button>
        <View className='qy-profile__avatar-hint' aria-live='polite'>
          {uploading === null ? '点击头像更换' : `上传中 ${uploading}%`}
        </View>
        <View className='qy-muted qy-profile__note'>头像和昵称会显示在接龙、报名等名单里，群里的其他成员都能看到</View>
      </View>
      <View className='qy-card'>
        <FormField label='昵称' required error={nicknameError} counter={`${trimmed.length}/${NICKNAME_MAX}`}>
          <Input
            className='qy-field__input'
            type='nickname'
            value={nickname}
            maxlength={NICKNAME_MAX}
            placeholder='填写群里大家认识你的名字'
            onInput={(event) => setNickname(event.detail.value)}
            onBlur={(event) => setNickname(event.detail.value)}
          />
        </FormField>
      </View>
      <ActionButton onClick={() => void save()} loading={saving} disabled={!!nicknameError || uploading !== null}>
        保存
      </ActionButton>
    </View>
  )
}
