import { registerEnumType } from 'type-graphql';

/** What an image is for: decides who may see it (avatars are public; the rest are community media). */
export enum MediaPurpose {
  AVATAR = 'AVATAR',
  POST = 'POST',
  COMMENT = 'COMMENT',
  GROUP_QR = 'GROUP_QR',
  ANNOUNCEMENT = 'ANNOUNCEMENT',
  ACTIVITY = 'ACTIVITY',
  EVIDENCE = 'EVIDENCE',
}

registerEnumType(MediaPurpose, { name: 'MediaPurpose', description: 'What an uploaded image is for (POST /media `purpose`)' });

export enum MediaStatus {
  ACTIVE = 'ACTIVE',
  /** WeChat's image check found it risky, or an admin removed it: its files are deleted, its links dead. */
  WITHDRAWN = 'WITHDRAWN',
}

export const MEDIA_PURPOSES = Object.values(MediaPurpose) as string[];
