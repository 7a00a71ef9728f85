import { randomInt } from 'node:crypto';

/** No 0/o, 1/l/i: codes are read aloud and typed from posters. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const JOIN_CODE_LENGTH = 8;

export function generateJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export function normalizeJoinCode(input: string): string {
  return input.trim().toLowerCase();
}
