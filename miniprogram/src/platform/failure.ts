/**
 * A WeChat / H5 API that failed, by a code the app's messages know (shared/graphql/errors.ts turns it
 * into the ApiError the pages show): platform/ depends on nothing of the app's.
 */
export class PlatformFailure extends Error {
  constructor(readonly code: 'GROUP_INFO_UNAVAILABLE' | 'WECHAT_LOGIN_FAILED') {
    super(code)
    this.name = 'PlatformFailure'
  }
}
