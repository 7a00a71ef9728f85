import Taro from '@tarojs/taro'
import { PlatformFailure } from './failure'

export const IS_WEAPP = process.env.TARO_ENV === 'weapp'
export const IS_H5 = process.env.TARO_ENV === 'h5'

/** Scenes that open the mini-program from inside a group chat (group card, card with shareTicket). */
const GROUP_SCENES = new Set([1008, 1044])

/** A key that changes whenever WeChat opens the app from another group card; null outside a group. */
export function groupEntryKey(): string | null {
  if (!IS_WEAPP) return null
  const { scene, shareTicket } = Taro.getEnterOptionsSync()
  if (!shareTicket && !GROUP_SCENES.has(scene)) return null
  return `group:${scene}:${shareTicket ?? ''}`
}

export interface EncryptedGroupData {
  encryptedData: string
  iv: string
}

/**
 * The encrypted opengid of the group the app was opened from. wx.getGroupEnterInfo reads the
 * current launch; older clients only have wx.getShareInfo, which needs the shareTicket.
 */
export function readGroupData(): Promise<EncryptedGroupData> {
  return new Promise((resolve, reject) => {
    const success = (result: { encryptedData: string; iv: string }) =>
      resolve({ encryptedData: result.encryptedData, iv: result.iv })
    const fail = () => reject(new PlatformFailure('GROUP_INFO_UNAVAILABLE'))
    if (Taro.canIUse('getGroupEnterInfo')) {
      Taro.getGroupEnterInfo({ success, fail })
      return
    }
    const { shareTicket } = Taro.getEnterOptionsSync()
    Taro.getShareInfo({ shareTicket, success, fail })
  })
}

/** A fresh wx.login code for `login(code)`. */
export async function wechatLoginCode(): Promise<string> {
  try {
    const { code } = await Taro.login()
    return code
  } catch {
    throw new PlatformFailure('WECHAT_LOGIN_FAILED')
  }
}

/** Whether the session_key the server holds still matches this device (wx.checkSession). */
export async function wechatSessionValid(): Promise<boolean> {
  try {
    await Taro.checkSession()
    return true
  } catch {
    return false
  }
}
