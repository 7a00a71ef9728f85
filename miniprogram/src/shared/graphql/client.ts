import Taro from '@tarojs/taro'
import { dropToken, getToken } from '@/platform/session'
import { GRAPHQL_URL, REQUEST_TIMEOUT_MS } from './config'
import { ApiError } from './errors'

interface GraphQLErrorPayload {
  message: string
  extensions?: { code?: string }
}

interface GraphQLResponse<TData> {
  data?: TData | null
  errors?: GraphQLErrorPayload[]
}

export type Variables = Record<string, unknown>

export interface RequestOptions {
  /** Send this token instead of the stored one (right after login, before it is published). */
  token?: string
}

/**
 * The one GraphQL transport of the app, over Taro.request (wx.request in WeChat, fetch in H5).
 * Resolves with `data`, throws ApiError otherwise; an UNAUTHENTICATED answer drops the token,
 * which sends every page back to the login.
 */
export async function graphql<TData>(query: string, variables?: Variables, options: RequestOptions = {}): Promise<TData> {
  const token = options.token ?? getToken()
  let response: Taro.request.SuccessCallbackResult<GraphQLResponse<TData> | string>
  try {
    response = await Taro.request<GraphQLResponse<TData> | string>({
      url: GRAPHQL_URL,
      method: 'POST',
      data: { query, variables },
      header: {
        'content-type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      timeout: REQUEST_TIMEOUT_MS,
    })
  } catch {
    throw new ApiError('NETWORK_ERROR')
  }

  const body = typeof response.data === 'object' && response.data !== null ? response.data : null
  const firstError = body?.errors?.[0]
  if (firstError) {
    const error = new ApiError(firstError.extensions?.code ?? 'SERVER_ERROR', firstError.message)
    if (error.isUnauthenticated) dropToken(token)
    throw error
  }
  if (!body?.data) {
    throw new ApiError(response.statusCode >= 500 ? 'SERVER_ERROR' : 'BAD_RESPONSE')
  }
  return body.data
}
