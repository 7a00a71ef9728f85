
/**
 * Where image files live. Keys under `a/` (avatars) are public and read from `publicUrl`; every other key
 * (community media) only through `signedUrl`, a link that expires. Both links are stable within a time
 * window (the expiry is rounded), so phones and CDNs cache an image instead of fetching it per answer.
 */
export interface MediaStorage {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** Deletes the objects; keys that are already gone are no error. */
  remove(keys: string[]): Promise<void>;
  publicUrl(key: string): string;
  signedUrl(key: string, now: Date): Promise<string>;
  /** Ready to store (the folder exists; the bucket answers). */
  prepare(): Promise<void>;
}

export const PUBLIC_PREFIX = 'a/';

/**
 * A signed link's expiry: the end of the window after the current one, so every link handed out in one
 * window is the same URL, and each lives between `ttl` and `2 × ttl` seconds.
 */
export function linkWindow(now: Date, ttlSeconds: number): { windowStart: Date; expiresAt: Date } {
  const ttlMs = ttlSeconds * 1000;
  const windowStart = Math.floor(now.getTime() / ttlMs) * ttlMs;
  return { windowStart: new Date(windowStart), expiresAt: new Date(windowStart + 2 * ttlMs) };
}
