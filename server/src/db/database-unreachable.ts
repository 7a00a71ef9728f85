import { ConnectionException } from '@mikro-orm/core';

/**
 * Codes (mysql2's and the socket's, as MikroORM's DriverException copies them) that say the database
 * could not be reached or dropped the connection — an outage, not a wrong statement.
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
]);

/** knex's pool gave up waiting for a connection (`acquireConnectionTimeout`). */
const POOL_ACQUIRE_TIMEOUT = /Timeout acquiring a connection/;

interface DriverErrorFields {
  code?: unknown;
  fatal?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  originalError?: unknown;
}

/**
 * Whether a failure means the database is unreachable right now: connection refused, reset or lost,
 * too many connections, a pool that could not hand out a connection in time, or any error mysql2 marks
 * `fatal` (the connection itself failed, not the statement). Follows `originalError` (a GraphQLError
 * around a resolver's error) and `cause`. Constraint violations, deadlocks and bugs answer false.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    if (current instanceof ConnectionException) return true;
    const fields = current as DriverErrorFields;
    if (typeof fields.code === 'string' && UNREACHABLE_CODES.has(fields.code)) return true;
    if (fields.fatal === true) return true;
    if (fields.name === 'KnexTimeoutError' && typeof fields.message === 'string' && POOL_ACQUIRE_TIMEOUT.test(fields.message)) return true;
    current = fields.originalError ?? fields.cause;
  }
  return false;
}
