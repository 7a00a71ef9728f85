import { createHmac } from 'node:crypto';
import type { MediaSettings } from '../config';
import { LocalMediaStorage } from './local-media-storage';
import type { MediaStorage } from './media-storage';
import { S3MediaStorage } from './s3-media-storage';

/** `sessionSecret` keys the local driver's link signatures (a key derived from it, used for nothing else). */
export function createMediaStorage(settings: MediaSettings, sessionSecret: string): MediaStorage {
  if (settings.s3) return new S3MediaStorage(settings, settings.s3);
  return new LocalMediaStorage(settings, createHmac('sha256', sessionSecret).update('qunyou media links').digest('hex'));
}
