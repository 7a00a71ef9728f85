import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from '../common/logger';
import { SERVICE_UNAVAILABLE } from './service-unavailable';

/** Codes the client is meant to see as they are; anything else is a bug and is masked. */
const CLIENT_ERROR_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  SERVICE_UNAVAILABLE,
]);

/** graphql-js's own parse limit (Apollo's parseOptions.maxTokens) answers in English as a parse failure. */
const TOKEN_LIMIT_MESSAGE = /Document contains more tha[nt] (\d+) tokens/; // graphql 16 writes "more that"

/**
 * A query limit's refusal as QUERY_TOO_COMPLEX with a Chinese message: Apollo reports validation rules'
 * errors as GRAPHQL_VALIDATION_FAILED (the rule's own error is the original) and the token limit as a
 * parse failure.
 */
function asQueryLimitRefusal(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (original instanceof GraphQLError && original.extensions?.code === 'QUERY_TOO_COMPLEX') {
    return { message: original.message, extensions: { code: 'QUERY_TOO_COMPLEX' } };
  }
  const tokens = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT_MESSAGE.exec(formatted.message) : null;
  return tokens ? { message: `请求过长（超过 ${tokens[1]} 个词法单元），请拆分后再试`, extensions: { code: 'QUERY_TOO_COMPLEX' } } : undefined;
}

export function isClientError(code: unknown): boolean {
  return typeof code === 'string' && (CLIENT_ERROR_CODES.has(code) || code.startsWith('WECHAT_'));
}

/**
 * What a client sees of an error: its own mistakes as they are (validation reduced to field names
 * and Chinese messages), anything else logged and masked as INTERNAL_SERVER_ERROR.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, production: boolean, log: Logger): GraphQLFormattedError {
  const limitRefusal = asQueryLimitRefusal(formatted, error);
  if (limitRefusal) return limitRefusal;
  if (formatted.extensions?.code === 'BAD_USER_INPUT') return describeInvalidInput(formatted);
  if (formatted.extensions?.code === SERVICE_UNAVAILABLE) logUnavailable(error, log);
  if (isClientError(formatted.extensions?.code)) return formatted;
  log.error({ err: error instanceof GraphQLError ? (error.originalError ?? error) : error, path: formatted.path }, 'unexpected GraphQL error');
  return {
    message: '服务器开小差了，请稍后再试',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(production ? {} : { detail: formatted.message }) },
  };
}

/** The database outage behind a SERVICE_UNAVAILABLE, without its stack: an outage answers many requests alike. */
function logUnavailable(error: unknown, log: Logger): void {
  const cause = error instanceof GraphQLError ? error.originalError : undefined;
  log.warn({ cause: { code: (cause as { code?: unknown } | undefined)?.code, message: cause?.message } }, 'database unreachable: answered 503');
}

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

/** class-validator's report, reduced to field names and messages (the input is not echoed back). */
function describeInvalidInput(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const failures = formatted.extensions?.validationErrors as ValidationFailure[] | undefined;
  if (!failures) return formatted;
  const fields: Array<{ field: string; message: string }> = [];
  const walk = (list: ValidationFailure[], prefix: string) => {
    for (const failure of list) {
      const field = prefix ? `${prefix}.${failure.property}` : failure.property;
      for (const [rule, message] of Object.entries(failure.constraints ?? {})) fields.push({ field, message: inChinese(rule, message) });
      walk(failure.children ?? [], field);
    }
  };
  walk(failures, '');
  const first = fields[0];
  return {
    message: first ? `输入有误（${first.field}）：${first.message}` : '输入有误',
    path: formatted.path,
    extensions: { code: 'BAD_USER_INPUT', fields },
  };
}

/** class-validator's own messages are English; rules without a Chinese message get one here. */
function inChinese(rule: string, message: string): string {
  if (/[\u4e00-\u9fff]/.test(message)) return message;
  const limits = message.match(/\d+/g) ?? [];
  switch (rule) {
    case 'isLength':
      return limits.length > 1 ? `长度需要在 ${limits[0]} 到 ${limits[1]} 个字之间` : `长度不符合要求`;
    case 'maxLength':
      return `最多 ${limits[0] ?? ''} 个字`;
    case 'min':
      return `不能小于 ${limits[0] ?? ''}`;
    case 'max':
      return `不能大于 ${limits[0] ?? ''}`;
    case 'isInt':
      return '需要是整数';
    default:
      return '格式不正确';
  }
}
