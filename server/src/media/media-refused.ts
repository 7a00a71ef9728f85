/** A refused upload: the HTTP status, a code the client can switch on, and a Chinese message for the member. */
export class MediaRefused extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 413 | 415 | 429,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
