import type { Tier, TierInput } from '@/features/membership/tier-api'
import type { EditableRow } from '@/shared/ui/rows-editor'
import { type Checked, parseDecimal, parseWhole } from '@/shared/format/number-text'

export const MAX_TIERS = 10
export const TIER_NAME_MAX = 16

export function tierRows(tiers: Tier[]): EditableRow[] {
  return [...tiers]
    .sort((a, b) => a.level - b.level)
    .map((tier) => ({ name: tier.name, threshold: String(tier.threshold), multiplier: String(tier.multiplier) }))
}

export function checkTiers(rows: EditableRow[]): Checked<TierInput[]> {
  if (rows.length === 0) return { error: '至少需要一个等级' }
  const tiers: TierInput[] = []
  for (const [index, row] of rows.entries()) {
    const name = (row.name ?? '').trim()
    if (!name || name.length > TIER_NAME_MAX) return { error: `第 ${index + 1} 行：等级名称需要 1 到 ${TIER_NAME_MAX} 个字` }
    const threshold = parseWhole(row.threshold)
    if (threshold === null) return { error: `第 ${index + 1} 行：所需积分请填写整数` }
    if (index === 0 && threshold !== 0) return { error: '第一个等级的所需积分必须是 0' }
    if (index > 0 && threshold <= tiers[index - 1].threshold) return { error: `第 ${index + 1} 行：所需积分要比上一个等级高` }
    const multiplier = parseDecimal(row.multiplier)
    if (multiplier === null || multiplier < 1 || multiplier > 10) return { error: `第 ${index + 1} 行：签到倍数需要在 1 到 10 之间` }
    tiers.push({ name, threshold, multiplier })
  }
  return { value: tiers }
}
