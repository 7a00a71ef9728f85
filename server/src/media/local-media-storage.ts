import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, rm, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { MediaSettings } from '../config';
import { linkWindow, MediaStorage } from './media-storage';

/** `a/<random>.jpg`, `c/<community id>/<random>.jpg` and their `_t` thumbnails: nothing else is ever served. */
export const MEDIA_KEY = /^(?:a|c\/[1-9]\d{0,14})\/[A-Za-z0-9_-]{32}(?:_t)?\.jpg$/;

/**
 * Files under MEDIA_DIR, served by this server at `<publicBaseUrl>/<key>` (media.route.ts): avatars to
 * anyone, community media with `?e=<expiry>&s=<signature>` (HMAC-SHA256 of key and expiry).
 */
export class LocalMediaStorage implements MediaStorage {
  constructor(
    private readonly settings: MediaSettings,
    private readonly linkSecret: string,
  ) {}

  async prepare(): Promise<void> {
    await mkdir(this.settings.dir, { recursive: true });
  }

  async put(key: string, body: Buffer): Promise<void> {
    const file = this.fileOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Written aside and renamed: a reader never sees half a file.
    const partial = `${file}.${process.pid}.part`;
    await writeFile(partial, body);
    await rename(partial, file);
  }

  async remove(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => rm(this.fileOf(key), { force: true })));
  }

  publicUrl(key: string): string {
    return `${this.settings.publicBaseUrl}/${key}`;
  }

  async signedUrl(key: string, now: Date): Promise<string> {
    const expires = Math.floor(linkWindow(now, this.settings.linkTtlSeconds).expiresAt.getTime() / 1000);
    return `${this.settings.publicBaseUrl}/${key}?e=${expires}&s=${this.signature(key, expires)}`;
  }

  /** A served path's file, or null when the key is not one of ours. */
  fileOf(key: string): string {
    if (!MEDIA_KEY.test(key)) throw new Error(`not a media key: ${key}`);
    return path.join(this.settings.dir, key);
  }

  /** True when `signature` signs `key` until `expires` (seconds) and that moment has not passed. */
  verify(key: string, expires: number, signature: string, now: Date): boolean {
    if (!Number.isSafeInteger(expires) || expires * 1000 <= now.getTime()) return false;
    const expected = Buffer.from(this.signature(key, expires));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private signature(key: string, expires: number): string {
    return createHmac('sha256', this.linkSecret).update(`${key}\n${expires}`).digest('base64url').slice(0, 32);
  }
}
