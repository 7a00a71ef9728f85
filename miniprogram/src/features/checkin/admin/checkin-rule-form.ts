import type { CheckInRule } from '@/features/checkin/api'
import type { EditableRow } from '@/shared/ui/rows-editor'
import { type Checked, parseWhole } from '@/shared/format/number-text'

export interface CheckInRuleForm {
  basePoints: string
  cycleDays: string
  bonuses: EditableRow[]
  makeUpCost: string
  makeUpMonthlyAllowance: string
}

export const MAX_CYCLE_DAYS = 31
export const MAX_MAKE_UPS_PER_MONTH = 31

export function checkInRuleForm(rule: CheckInRule): CheckInRuleForm {
  return {
    basePoints: String(rule.basePoints),
    cycleDays: String(rule.cycleDays),
    bonuses: [...rule.bonuses].sort((a, b) => a.day - b.day).map((bonus) => ({ day: String(bonus.day), points: String(bonus.points) })),
    makeUpCost: String(rule.makeUpCost),
    makeUpMonthlyAllowance: String(rule.makeUpMonthlyAllowance),
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
  const makeUpCost = parseWhole(form.makeUpCost)
  if (makeUpCost === null) return { error: '补签消耗的积分请填写整数' }
  const makeUpMonthlyAllowance = parseWhole(form.makeUpMonthlyAllowance)
  if (makeUpMonthlyAllowance === null || makeUpMonthlyAllowance > MAX_MAKE_UPS_PER_MONTH) {
    return { error: `每月补签次数需要在 0 到 ${MAX_MAKE_UPS_PER_MONTH} 之间` }
  }
  return { value: { basePoints, cycleDays, bonuses: bonuses.sort((a, b) => a.day - b.day), makeUpCost, makeUpMonthlyAllowance } }
}
