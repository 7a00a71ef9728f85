import { PlatformFailure } from '@/platform/failure'
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
  RATE_LIMITED: '操作太频繁了，请稍后再试',
  SERVICE_UNAVAILABLE: '服务繁忙，请稍后再试',
  QUERY_TOO_COMPLEX: '请求过于复杂，请稍后再试',
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
  InviteRequired: '这个社群仅限邀请加入，请向群里的朋友要一个邀请链接',
  InviteInvalid: '这个邀请已失效，请向朋友重新要一个邀请链接',
  MemberBanned: '你已被该社群限制加入',
  InvalidGroupData: '群信息校验失败，请从群聊里重新打开',
  GroupNotBound: '这个微信群还没有绑定社群',
  MemberNotFound: '没有找到这位成员',
  AdjustNotAllowed: '不能调整这位成员的积分',
  AdjustLimitExceeded: '超出积分调整上限',
  PointsOutOfRange: '调整后积分超出上限',
  RoleNotAllowed: '不能对这位成员执行该操作',
  // member economy: check-in, points, coupons
  AlreadyCheckedIn: '今天已经签到过了，明天再来吧',
  MakeUpNotAllowed: '这一天不能补签',
  NotActiveMember: '成为社群正式成员后才能使用',
  InsufficientPoints: '积分不足',
  SoldOut: '这张券已经兑完了',
  LimitReached: '已达到每人兑换上限',
  TierTooLow: '会员等级不够，暂时不能兑换',
  CouponInactive: '这张券暂未开放兑换',
  CouponTemplateNotFound: '没有找到这张优惠券',
  CouponNotFound: '没有找到这张券，请核对券码',
  CouponAlreadyUsed: '这张券已经核销过了',
  CouponExpired: '这张券已过期',
  CouponVoided: '这张券已作废',
  CouponNotVoidable: '只有未使用的券可以作废',
  CouponHolderBanned: '持券人已被本群拉黑，这张券不能核销',
  IssuingPaused: '优惠券暂停发放，请稍后再来',
  EconomyCapExceeded: '超出了群主设置的积分上限',
  // activities: questionnaire, group-buy, sign-up (SoldOut / LimitReached above are shared)
  InvalidAnswer: '有题目的回答不符合要求，请检查后再提交',
  QuestionnaireMissing: '社群还没有设置入群问卷，请等待管理员审核',
  ApplicationPending: '你的入群申请正在审核中',
  AlreadyMember: '你已经是社群成员了',
  ApplicationNotFound: '没有找到这份申请',
  ApplicationAlreadyReviewed: '这份申请已经审核过了',
  GroupBuyClosed: '团购已截团',
  GroupBuyNotStarted: '团购还没开始',
  AlreadyJoined: '你已经参与过这个团购了，可以修改份数',
  GroupBuyNotFound: '没有找到这个团购',
  EntryNotFound: '没有找到这条接龙',
  StockBelowSold: '库存不能少于已接龙的份数',
  StockBelowIssued: '库存不能少于已发出的数量',
  CapacityBelowConfirmed: '名额不能少于已报名的人数',
  FormFull: '名额已满',
  FormClosed: '报名已截止',
  FormNotFound: '没有找到这个报名',
  InvalidSignupAnswer: '有内容填写不符合要求，请检查后再提交',
  NotSignedUp: '你还没有报名',
  // content safety
  ContentRejected: '内容含有违规信息，请修改后再提交',
  ContentNotFound: '内容不存在或已删除',
  AlreadyReported: '你已举报过该内容，管理员处理前无需重复举报',
  CannotReportOwnContent: '不能举报自己发布的内容',
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
  if (error instanceof PlatformFailure) return new ApiError(error.code)
  return new ApiError('CLIENT_ERROR', error instanceof Error ? error.message : undefined)
}

/** Business failure returned inside a result union. */
export interface ErrorResult {
  __typename: string
  errorCode: string
  message: string
}

/** One member of a generated result union, by its __typename. */
export type ResultMember<TUnion, TName extends string> = Extract<TUnion, { __typename: TName }>

export function isErrorResult(result: { __typename: string }): result is ErrorResult {
  return 'errorCode' in result
}

export function errorResultMessage(result: ErrorResult): string {
  return pickMessage(result.message, RESULT_MESSAGES[result.__typename])
}

/**
 * The saved value of a result union whose only refusals are to be said, not handled (an admin editor's
 * save: the refusal's message is shown by useSaveAction); a refusal is thrown as an ApiError with its code.
 */
export function savedOrThrow<TResult extends { __typename: string }>(result: TResult): Exclude<TResult, ErrorResult> {
  if (isErrorResult(result)) throw new ApiError(result.errorCode, errorResultMessage(result))
  return result as Exclude<TResult, ErrorResult>
}

/** The message for anything caught in a handler. */
export function messageOf(error: unknown): string {
  return toApiError(error).message
}
