/** Whole number typed in a form field, or null. */
export function parseWhole(text: string | undefined): number | null {
  const value = (text ?? '').trim()
  return /^\d{1,9}$/.test(value) ? Number(value) : null
}

/** Decimal typed in a form field (at most two places), or null. */
export function parseDecimal(text: string | undefined): number | null {
  const value = (text ?? '').trim()
  return /^\d{1,3}(\.\d{1,2})?$/.test(value) ? Number(value) : null
}

/** Either a problem to show or the value to send. */
export type Checked<T> = { error: string; value?: undefined } | { error?: undefined; value: T }
