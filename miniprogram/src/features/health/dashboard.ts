/** Dashboard arithmetic on community-local YYYY-MM-DD dates and shares. */

export type DashboardRange = '7' | '30' | '90'

export const RANGE_TABS: Array<{ value: DashboardRange; label: string }> = [
  { value: '7', label: '近 7 天' },
  { value: '30', label: '近 30 天' },
  { value: '90', label: '近 90 天' },
]

export function shiftDate(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + days)
  return day.toISOString().slice(0, 10)
}

/** The range ending today, `days` dates long. */
export function rangeEndingOn(today: string, days: number): { from: string; to: string } {
  return { from: shiftDate(today, 1 - days), to: today }
}

export function percentText(share: number | null): string {
  if (share === null) return '—'
  return `${(share * 100).toFixed(share >= 0.1 || share === 0 ? 0 : 1)}%`
}

/** The three wake-up steps, as the operator's method names them. */
export const DORMANT_STEPS = [
  { days: 7, key: 'silent7', title: '沉默 7 天+', action: '打个招呼', hint: '复制问候语 @TA，或把小程序卡片发到群里' },
  { days: 15, key: 'silent15', title: '沉默 15 天+', action: '送张福利券', hint: '免积分送一张券，提醒 TA 回来看看' },
  { days: 30, key: 'silent30', title: '沉默 30 天+', action: '考虑移出', hint: '长期不活跃，可以移出社群' },
] as const

/** A ready-to-paste greeting for the group chat. */
export function greetingFor(nicknames: string[], communityName: string): string {
  const mentions = nicknames.map((name) => `@${name}`).join(' ')
  return `${mentions} 好久不见～「${communityName}」最近上了新福利，今天签到还能领积分，有空回来看看呀！`
}
