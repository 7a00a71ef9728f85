import { GraphQLError, GraphQLErrorOptions } from 'graphql';

/**
 * Thrown errors are for bad auth and malformed input only (and bugs). Each carries a code the
 * client switches on and a Chinese message it can show as is.
 */
export function unauthenticated(message = '请先登录'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message = '没有权限进行此操作'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function badInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}

/**
 * A request refused for now, to be sent again later: its code and Chinese message, `retryAfterSeconds` for
 * the client, and the HTTP status with `Retry-After` (Apollo takes both from `extensions.http`).
 */
export function retryLater(code: string, message: string, status: number, retryAfterSeconds: number, located: Partial<GraphQLErrorOptions> = {}): GraphQLError {
  return new GraphQLError(message, {
    ...located,
    extensions: { code, retryAfterSeconds, http: { status, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } },
  });
}
