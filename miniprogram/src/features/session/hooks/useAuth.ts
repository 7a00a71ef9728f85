import { useCallback, useState } from 'react'
import { login, logout as endServerSessions, updateProfile } from '@/features/session/api'
import { messageOf } from '@/shared/graphql/errors'
import { dropToken, saveToken } from '@/shared/session-token'
import { wechatLoginCode } from '@/platform/wechat'
import { useToken } from './useSession'

/** Login and logout for every page: WeChat code in weapp, dev nickname in H5. */
export function useAuth() {
  const token = useToken()
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const run = useCallback(async (obtainToken: () => Promise<string>) => {
    setPending(true)
    setError(null)
    try {
      saveToken(await obtainToken())
      return true
    } catch (caught) {
      setError(messageOf(caught))
      return false
    } finally {
      setPending(false)
    }
  }, [])

  const loginWithWeChat = useCallback(
    () => run(async () => (await login(await wechatLoginCode())).token),
    [run],
  )

  /** H5 only: the server's dev login (`dev:<nickname>`). */
  const loginWithNickname = useCallback(
    (nickname: string) =>
      run(async () => {
        const { token: newToken, user } = await login(`dev:${nickname}`)
        // A first login has no nickname yet; set it before any page asks for the member card.
        if (!user.nickname) await updateProfile({ nickname }, { token: newToken })
        return newToken
      }),
    [run],
  )

  /** The server revokes the session first, so a copied token is worthless too; offline, the token still goes. */
  const logout = useCallback(async () => {
    try {
      await endServerSessions()
    } catch {
      // already expired or offline: nothing left to revoke here
    } finally {
      dropToken()
    }
  }, [])

  return { token, loggedIn: token !== null, pending, error, loginWithWeChat, loginWithNickname, logout }
}
