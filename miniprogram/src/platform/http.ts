import Taro from '@tarojs/taro'

export interface HttpResponse<TBody> {
  statusCode: number
  data: TBody
}

/**
 * POSTs a JSON body: wx.request in WeChat, fetch in H5 (Taro.request). Resolves with any HTTP answer,
 * whatever its status; rejects when none arrives (network failure, timeout).
 */
export async function postJson<TBody>(url: string, body: unknown, headers: Record<string, string>, timeoutMs: number): Promise<HttpResponse<TBody>> {
  const response = await Taro.request<TBody>({
    url,
    method: 'POST',
    data: body,
    header: { 'content-type': 'application/json', ...headers },
    timeout: timeoutMs,
  })
  return { statusCode: response.statusCode, data: response.data }
}
