import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core'
import { type HttpResponse, postJson } from '@/platform/http'
import { dropToken, getToken } from '@/shared/session-token'
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

export interface RequestOptions {
  /** Send this token instead of the stored one (right after login, before it is published). */
  token?: string
}

/**
 * The one GraphQL transport of the app, over the platform's HTTP POST (wx.request in WeChat, fetch in H5).
 * `document` is a typed document generated from a feature's .graphql file (`npm run codegen`): a
 * string that carries its result and variable types, sent as it is (nothing to print per request).
 * Resolves with `data`, throws ApiError otherwise; an UNAUTHENTICATED answer drops the token,
 * which sends every page back to the login. While the server cannot reach its database it answers
 * 503 SERVICE_UNAVAILABLE (服务繁忙): a page shows that with its 重新加载 button, and a mutation keeps
 * its requestId for the member's retry.
 */
export async function graphql<TData, TVariables>(
  document: DocumentTypeDecoration<TData, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TData> {
  const query = document.toString()
  const token = options.token ?? getToken()
  let response: HttpResponse<GraphQLResponse<TData> | string>
  try {
    response = await postJson<GraphQLResponse<TData> | string>(GRAPHQL_URL, { query, variables }, token ? { Authorization: `Bearer ${token}` } : {}, REQUEST_TIMEOUT_MS)
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
    throw new ApiError(codeOfStatus(response.statusCode))
  }
  return body.data
}

/** An answer without GraphQL errors or data: a proxy's 503 page says the same as the server's own 503. */
function codeOfStatus(statusCode: number): string {
  if (statusCode === 503) return 'SERVICE_UNAVAILABLE'
  return statusCode >= 500 ? 'SERVER_ERROR' : 'BAD_RESPONSE'
}
