/** Money is integer fen everywhere; these are the only conversions to and from yuan text. */

/** 500 → "5", 550 → "5.5", 505 → "5.05" */
export function fenToYuan(fen: number): string {
  const yuan = Math.floor(Math.abs(fen) / 100)
  const cents = String(Math.abs(fen) % 100).padStart(2, '0').replace(/0+$/, '')
  return `${fen < 0 ? '-' : ''}${yuan}${cents ? `.${cents}` : ''}`
}

const YUAN_PATTERN = /^\d{1,7}(\.\d{1,2})?$/

/** "5.5" → 550; null when the text is not an amount with at most two decimals. */
export function yuanToFen(text: string): number | null {
  const value = text.trim()
  if (!YUAN_PATTERN.test(value)) return null
  const [yuan, cents = ''] = value.split('.')
  return Number(yuan) * 100 + Number(cents.padEnd(2, '0'))
}
