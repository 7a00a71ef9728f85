import { View } from '@tarojs/components'
import { Input } from '@/shared/ui/form-controls'
import { useEffect, useState } from 'react'
import { nicknameError } from '@/shared/format/profile'
import { useAuth } from '@/features/session/hooks/useAuth'
import { IS_WEAPP } from '@/platform/wechat'
import ActionButton from '@/shared/ui/action-button'
import InvitePreview from '@/features/invite/components/invite-preview'
import './index.css'

/**
 * Shown by any page while there is no session. In WeChat it logs in by itself (wx.login);
 * in the browser the server's dev login takes a nickname.
 */
export default function LoginPanel({ joinCode }: { joinCode?: string | null }) {
  const { pending, error, loginWithWeChat, loginWithNickname } = useAuth()
  const [nickname, setNickname] = useState('')
  const [inputError, setInputError] = useState<string | null>(null)

  useEffect(() => {
    if (IS_WEAPP) void loginWithWeChat()
  }, [loginWithWeChat])

  const submit = () => {
    const value = nickname.trim()
    const problem = nicknameError(value)
    setInputError(problem)
    if (!problem) void loginWithNickname(value)
  }

  return (
    <View className='qy-page qy-login'>
      <View className='qy-login__brand'>
        <View className='qy-login__logo'>群</View>
        <View className='qy-login__title'>群友</View>
        <View className='qy-login__slogan'>签到攒积分 · 兑换好福利 · 社群活动一站搞定</View>
      </View>

      {joinCode && <InvitePreview joinCode={joinCode} />}

      {IS_WEAPP ? (
        <View className='qy-card qy-login__card'>
          <View className='qy-login__hint'>{pending ? '正在登录…' : '登录后即可加入社群、签到领积分'}</View>
          {error && <View className='qy-login__error'>{error}</View>}
          <ActionButton loading={pending} onClick={() => void loginWithWeChat()}>
            微信一键登录
          </ActionButton>
        </View>
      ) : (
        <View className='qy-card qy-login__card'>
          <View className='qy-login__label'>你的昵称</View>
          <Input
            className='qy-login__input'
            label='你的昵称'
            value={nickname}
            maxlength={32}
            placeholder='中文、字母或数字，最多 32 个字'
            confirmType='go'
            onInput={(event) => setNickname(event.detail.value)}
            onConfirm={submit}
          />
          {(inputError || error) && <View className='qy-login__error'>{inputError || error}</View>}
          <ActionButton className='qy-login__submit' loading={pending} onClick={submit}>
            登录
          </ActionButton>
          <View className='qy-login__foot'>网页版使用昵称体验登录；在微信中打开将使用微信登录</View>
        </View>
      )}
    </View>
  )
}
