/** Community-local calendar dates as plain YYYY-MM-DD / YYYY-MM strings (check-in days). */

const pad = (value: number) => String(value).padStart(2, '0')

/** Today in the community's timezone; the device's own date where Intl has no time zones. */
export function todayIn(timezone: string): string {
  try {
    // en-CA formats as YYYY-MM-DD
    const text = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date())
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text
  } catch {
    // fall through
  }
  const now = new Date()
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

export function monthOf(date: string): string {
  return date.slice(0, 7)
}

/** "2025-11" + 1 → "2025-12" */
export function shiftMonth(month: string, delta: number): string {
  const [year, monthIndex] = month.split('-').map(Number)
  const total = year * 12 + (monthIndex - 1) + delta
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`
}

/** "2025-11" → "2025 年 11 月" */
export function monthTitle(month: string): string {
  const [year, monthIndex] = month.split('-').map(Number)
  return `${year} 年 ${monthIndex} 月`
}

/** The cells of a month grid starting on Sunday: null for the blanks before the 1st. */
export function monthCells(month: string): Array<string | null> {
  const [year, monthIndex] = month.split('-').map(Number)
  const firstWeekday = new Date(year, monthIndex - 1, 1).getDay()
  const days = new Date(year, monthIndex, 0).getDate()
  const cells: Array<string | null> = Array.from({ length: firstWeekday }, () => null)
  for (let day = 1; day <= days; day++) cells.push(`${month}-${pad(day)}`)
  return cells
}

/** "2025-11-03" → "11月3日" */
export function dayTitle(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}
