import { randomInt } from 'node:crypto';

/** The join-code alphabet (no 0/o, 1/l/i), two characters longer than a community's join code. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const INVITE_CODE_LENGTH = 10;

export function generateInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** The page every link and code opens (it reads `c` from the query, or from a 小程序码's scene). */
export const HOME_PAGE = 'pages/index/index';
export const invitePath = (code: string) => `${HOME_PAGE}?c=${code}`;
