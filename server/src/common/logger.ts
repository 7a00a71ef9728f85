import pino, { Logger } from 'pino';

export type { Logger };

/** Secrets never reach a log line: tokens, WeChat session keys, app secrets. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ['authorization', '*.authorization', 'headers.authorization', '*.sessionKey', '*.session_key', '*.secret', 'token', '*.token'],
      censor: '[redacted]',
    },
  });
}
