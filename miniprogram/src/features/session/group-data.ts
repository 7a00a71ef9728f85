import { login } from '@/features/session/api'
import { saveToken } from '@/shared/session-token'
import { type EncryptedGroupData, readGroupData, wechatLoginCode, wechatSessionValid } from '@/platform/wechat'

/**
 * Group data is sealed with the session_key the server got at our last login; when WeChat
 * has expired that session, log in again first so the server can open it.
 */
export async function groupDataForServer(): Promise<EncryptedGroupData> {
  if (!(await wechatSessionValid())) saveToken((await login(await wechatLoginCode())).token)
  return readGroupData()
}
