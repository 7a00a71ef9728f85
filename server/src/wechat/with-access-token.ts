import type { WeChatAccessTokenService } from './wechat-access-token.service';
import { NO_ANSWER } from './wechat-api.client';

/** WeChat's "access token invalid / expired": the call is made once more with a fresh token. */
export const TOKEN_REJECTED = new Set([40001, 42001]);

/**
 * A call that needs the shared access token, with one retry when WeChat refuses the token (which is
 * then rejected for every process, wechat-access-token.service.ts). A token that cannot be had
 * answers `{ errcode: NO_ANSWER }` like a call that got no answer.
 */
export async function withAccessToken<A extends { errcode: number; errmsg: string }>(
  tokens: WeChatAccessTokenService,
  call: (accessToken: string) => Promise<A>,
): Promise<A | { errcode: number; errmsg: string }> {
  let answer: A | { errcode: number; errmsg: string } = { errcode: NO_ANSWER, errmsg: 'not sent' };
  for (let tokenTry = 0; tokenTry < 2; tokenTry += 1) {
    let token: string;
    try {
      token = await tokens.get();
    } catch (error) {
      return { errcode: NO_ANSWER, errmsg: `access token: ${(error as Error).message}` };
    }
    answer = await call(token);
    if (!TOKEN_REJECTED.has(answer.errcode)) return answer;
    await tokens.reject(token);
  }
  return answer;
}
