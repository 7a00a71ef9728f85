/** Date and time pickers speak local 'YYYY-MM-DD' and 'HH:mm'; the API speaks ISO instants. */

const pad = (value: number) => String(value).padStart(2, '0')

export function dateInputOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

export function timeInputOf(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** Local date + time → ISO instant; null when either is not a valid picker value. */
export function isoFromInputs(date: string, time: string): string | null {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time)
  if (!dateMatch || !timeMatch) return null
  const [, year, month, day] = dateMatch.map(Number)
  const [, hours, minutes] = timeMatch.map(Number)
  const value = new Date(year, month - 1, day, hours, minutes)
  return Number.isNaN(value.getTime()) ? null : value.toISOString()
}

/** A date + time pair, as the pickers edit it. */
export interface DateTimeInput {
  date: string
  time: string
}

export function dateTimeInputOf(iso: string | Date): DateTimeInput {
  const date = typeof iso === 'string' ? new Date(iso) : iso
  return { date: dateInputOf(date), time: timeInputOf(date) }
}

/** `days` from today at `time` (a sensible default end or deadline). */
export function daysFromNow(days: number, time: string): DateTimeInput {
  const date = new Date()
  date.setDate(date.getDate() + days)
  return { date: dateInputOf(date), time }
}
