import Taro from '@tarojs/taro'

/** The `?id=` of the page on screen, if any. */
export function currentPageParam(key: string): string | undefined {
  return Taro.getCurrentInstance().router?.params[key]
}

/**
 * wx.requestSubscribeMessage (WeChat only, inside a tap): the member's answer per template id
 * ('accept', 'reject', 'ban', …); null when the dialog failed (old client, main switch off).
 */
export async function requestSubscribeMessage(tmplIds: string[]): Promise<Record<string, string> | null> {
  try {
    // Taro's type wants entityIds (Alipay's name) too; WeChat takes tmplIds alone.
    const option = { tmplIds } as unknown as Taro.requestSubscribeMessage.Option
    return (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, string>
  } catch {
    return null
  }
}
