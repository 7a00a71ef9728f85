/**
 * Every failure the user can see, mapped to one Chinese message.
 * Thrown GraphQL errors carry `extensions.code`; business failures come back as union
 * members implementing `ErrorResult`. The server's own message is already Chinese and wins;
 * these are the fallbacks when it is missing or not meant for users.
 */

const CODE_MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: '登录已过期，请重新登录',
  FORBIDDEN: '你没有权限进行这个操作',
  BAD_USER_INPUT: '填写的内容有误，请检查后再试',
  GRAPHQL_VALIDATION_FAILED: '当前版本过旧，请更新后再试',
  GRAPHQL_PARSE_FAILED: '当前版本过旧，请更新后再试',
  WECHAT_CODE_INVALID: '微信登录凭证已失效，请重新进入',
  WECHAT_CODE_USED: '微信登录凭证已使用，请重新进入',
  WECHAT_RATE_LIMITED: '登录太频繁了，请稍后再试',
  WECHAT_RISKY_USER: '当前微信账号存在风险，暂时无法登录',
  WECHAT_BUSY: '微信服务繁忙，请稍后再试',
  WECHAT_LOGIN_FAILED: '微信登录失败，请稍后再试',
  GROUP_INFO_UNAVAILABLE: '读取群信息失败，请从群聊里的小程序卡片重新打开',
  NETWORK_ERROR: '网络不给力，请检查网络后重试',
  SERVER_ERROR: '服务开小差了，请稍后再试',
  INTERNAL_SERVER_ERROR: '服务开小差了，请稍后再试',
  BAD_RESPONSE: '服务开小差了，请稍后再试',
}

const RESULT_MESSAGES: Record<string, string> = {
  CommunityNotFound: '没有找到这个社群，请确认链接或邀请码',
  CommunityClosed: '这个社群暂停加入了',
  MemberBanned: '你已被该社群限制加入',
  InvalidGroupData: '群信息校验失败，请从群聊里重新打开',
  GroupNotBound: '这个微信群还没有绑定社群',
  GroupBoundElsewhere: '这个微信群已绑定其他社群',
  MemberNotFound: '没有找到这位成员',
  RoleNotAllowed: '不能对这位成员执行该操作',
}

const FALLBACK_MESSAGE = '操作失败，请稍后再试'

const HAS_CHINESE = /[\u4e00-\u9fff]/

function pickMessage(serverMessage: string | undefined, fallback: string | undefined): string {
  if (serverMessage && HAS_CHINESE.test(serverMessage)) return serverMessage
  return fallback ?? FALLBACK_MESSAGE
}

/** A thrown failure: a GraphQL error, a network failure or an unreadable response. */
export class ApiError extends Error {
  readonly code: string

  constructor(code: string, serverMessage?: string) {
    super(pickMessage(serverMessage, CODE_MESSAGES[code]))
    this.name = 'ApiError'
    this.code = code
  }

  get isUnauthenticated(): boolean {
    return this.code === 'UNAUTHENTICATED'
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError('CLIENT_ERROR', error instanceof Error ? error.message : undefined)
}

/** Business failure returned inside a result union. */
export interface ErrorResult {
  __typename: string
  errorCode: string
  message: string
}

/** Selection to add to every union result. */
export const ERROR_RESULT_FIELDS = '__typename ... on ErrorResult { errorCode message }'

export function isErrorResult(result: { __typename: string }): result is ErrorResult {
  return 'errorCode' in result
}

export function errorResultMessage(result: ErrorResult): string {
  return pickMessage(result.message, RESULT_MESSAGES[result.__typename])
}

/** The message for anything caught in a handler. */
export function messageOf(error: unknown): string {
  return toApiError(error).message
}
