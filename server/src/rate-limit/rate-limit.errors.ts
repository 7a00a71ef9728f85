import type { GraphQLError } from 'graphql';
import type { AppConfig } from '../config';
import { retryLater } from '../graphql/graphql-errors';

export type RateLimitName = keyof AppConfig['rateLimits']['limits'];

const WHAT: Record<RateLimitName, string> = {
  login: '登录',
  mutations: '操作',
  joinCodeMisses: '邀请码尝试',
  uploads: '上传图片',
};

/** A refused call: code RATE_LIMITED, a Chinese message, when to retry, and HTTP 429 when it refuses the whole request. */
export function rateLimited(name: RateLimitName, msBeforeNext: number): GraphQLError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return retryLater('RATE_LIMITED', `${WHAT[name]}太频繁了，请 ${retryAfterSeconds} 秒后再试`, 429, retryAfterSeconds);
}
