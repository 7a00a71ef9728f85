import type { CheckInRule, NextBonus } from '@/features/checkin/api'

export interface CycleDay {
  /** 1-based day within the bonus cycle */
  day: number
  checked: boolean
  today: boolean
  /** bonus points on this day, 0 when none */
  bonus: number
}

/** At most this many days in the strip; longer cycles show the week around today. */
const STRIP_DAYS = 7

export function bonusOn(rule: Pick<CheckInRule, 'bonuses'>, day: number): number {
  return rule.bonuses.find((bonus) => bonus.day === day)?.points ?? 0
}

/**
 * The days of the current cycle for the streak strip. The streak keeps counting across cycles;
 * the bonus schedule starts again after the last day of each cycle.
 */
export function cycleDays(rule: CheckInRule, streak: number, checkedInToday: boolean): CycleDay[] {
  const length = Math.max(1, rule.cycleDays)
  const done = checkedInToday ? ((Math.max(streak, 1) - 1) % length) + 1 : streak % length
  const todayDay = checkedInToday ? done : done + 1
  const first = length <= STRIP_DAYS ? 1 : Math.max(1, Math.min(todayDay - 3, length - STRIP_DAYS + 1))
  const last = Math.min(length, first + STRIP_DAYS - 1)
  const days: CycleDay[] = []
  for (let day = first; day <= last; day++) {
    days.push({ day, checked: day <= done, today: day === todayDay, bonus: bonusOn(rule, day) })
  }
  return days
}

/** "再签 2 天可得 30 积分" */
export function nextBonusText(next: NextBonus): string {
  return `再签 ${next.inDays} 天可得 ${next.points} 积分`
}
