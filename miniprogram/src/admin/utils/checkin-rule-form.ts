import type { CheckInRule } from '@/api/checkin'
import type { EditableRow } from '../components/rows-editor'
import { type Checked, parseWhole } from './number-text'

export interface CheckInRuleForm {
  basePoints: string
  cycleDays: string
  bonuses: EditableRow[]
}

export const MAX_CYCLE_DAYS = 31

export function checkInRuleForm(rule: CheckInRule): CheckInRuleForm {
  return {
    basePoints: String(rule.basePoints),
    cycleDays: String(rule.cycleDays),
    bonuses: [...rule.bonuses].sort((a, b) => a.day - b.day).map((bonus) => ({ day: String(bonus.day), points: String(bonus.points) })),
  }
}

export function checkCheckInRule(form: CheckInRuleForm): Checked<CheckInRule> {
  const basePoints = parseWhole(form.basePoints)
  if (basePoints === null) return { error: '每日积分请填写整数' }
  const cycleDays = parseWhole(form.cycleDays)
  if (cycleDays === null || cycleDays < 1 || cycleDays > MAX_CYCLE_DAYS) return { error: `周期天数需要在 1 到 ${MAX_CYCLE_DAYS} 之间` }
  const bonuses = []
  const seen = new Set<number>()
  for (const row of form.bonuses) {
    const day = parseWhole(row.day)
    const points = parseWhole(row.points)
    if (day === null || points === null) return { error: '连签奖励的天数和积分请填写整数' }
    if (day < 1 || day > cycleDays) return { error: `奖励天数需要在 1 到 ${cycleDays}（周期天数）之间` }
    if (points < 1) return { error: '奖励积分至少为 1' }
    if (seen.has(day)) return { error: `第 ${day} 天的奖励重复了` }
    seen.add(day)
    bonuses.push({ day, points })
  }
  return { value: { basePoints, cycleDays, bonuses: bonuses.sort((a, b) => a.day - b.day) } }
}
