import { randomInt } from 'node:crypto';

/** 32 symbols without 0/O, 1/I/L: 12 of them are 60 random bits, read aloud or typed at the counter. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const COUPON_CODE_LENGTH = 12;

export function generateCouponCode(): string {
  let code = '';
  for (let i = 0; i < COUPON_CODE_LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Codes are typed with spaces or dashes and in any case; compare them normalized. */
export function normalizeCouponCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}
