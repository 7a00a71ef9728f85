import { randomInt } from 'node:crypto';

/** The join-code alphabet (no 0/o, 1/l/i), two characters longer than a community's join code. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const INVITE_CODE_LENGTH = 10;

export function generateInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export const invitePath = (code: string) => `pages/index/index?c=${code}`;
