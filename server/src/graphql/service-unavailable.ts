import { GraphQLError } from 'graphql';
import { isDatabaseUnreachable } from '../db/database-unreachable';
import type { OperationExecutor } from './compiled-executor';
import { retryLater } from './graphql-errors';

export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
export const SERVICE_UNAVAILABLE_MESSAGE = '服务繁忙，请稍后再试';
/** What Retry-After asks of clients while the database is away: a restarted MariaDB serves again within seconds. */
export const RETRY_AFTER_SECONDS = 3;

/**
 * A request that failed because the database cannot be reached answers HTTP 503 SERVICE_UNAVAILABLE with
 * Retry-After instead of a masked 500: nothing is wrong with the request, and the pool reconnects by itself
 * once the database is back. The error carries its status in `extensions.http`, as RATE_LIMITED does, and
 * is made where such a failure reaches Apollo: creating the request context (the session read, app.ts) and
 * the operation's result (`answeringUnavailable`), keeping a resolver error's path and locations. The
 * rate limits fall back to a memory store of their own while the database errs (rate-limits.ts).
 */
export function asServiceUnavailable<T>(error: T): T | GraphQLError {
  if (!isDatabaseUnreachable(error)) return error;
  const located = error instanceof GraphQLError ? error : undefined;
  const cause = located?.originalError ?? error;
  const unavailable = retryLater(SERVICE_UNAVAILABLE, SERVICE_UNAVAILABLE_MESSAGE, 503, RETRY_AFTER_SECONDS, {
    path: located?.path,
    originalError: cause instanceof Error ? cause : undefined,
  });
  if (located?.locations) (unavailable as { locations?: GraphQLError['locations'] }).locations = located.locations;
  return unavailable;
}

/** For a promise's catch: the failure again, as SERVICE_UNAVAILABLE when the database could not be reached. */
export function rethrowAsServiceUnavailable(error: unknown): never {
  throw asServiceUnavailable(error);
}

/** The executor, with its results' (and its own) database outages answered as SERVICE_UNAVAILABLE. */
export function answeringUnavailable(executeOperation: OperationExecutor): OperationExecutor {
  return async (request) => {
    const result = await executeOperation(request).catch(rethrowAsServiceUnavailable);
    return result.errors ? { ...result, errors: result.errors.map(asServiceUnavailable) } : result;
  };
}
