import { GraphQLError } from 'graphql';

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
