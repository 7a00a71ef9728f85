import type { Option } from '@/shared/format/option'
import { parseWhole } from '@/shared/format/number-text'
import type { PointsExpiryMode, PointsExpiryPolicyInput } from './points-admin.generated'

/** ROLLING's months, as the server takes them. */
export const ROLLING_MONTHS = { min: 6, max: 36 }

export const EXPIRY_MODE_OPTIONS: Option<PointsExpiryMode>[] = [
  { value: 'NONE', label: '永久有效', hint: '积分不会过期（默认）' },
  { value: 'ANNUAL', label: '按年清零', hint: '每年获得的积分在次年 12 月 31 日后过期' },
  { value: 'ROLLING', label: '滚动有效', hint: `每笔积分获得后 ${ROLLING_MONTHS.min}–${ROLLING_MONTHS.max} 个月过期` },
]

/** "永久有效" / "按年清零（次年年底过期）" / "获得后 12 个月过期" */
export function expiryPolicyText(policy: { mode: PointsExpiryMode; months: number | null }): string {
  if (policy.mode === 'ANNUAL') return '按年清零（次年年底过期）'
  if (policy.mode === 'ROLLING') return `获得后 ${policy.months} 个月过期`
  return '永久有效'
}

/** The owner's typed policy as the server takes it, or why it cannot be saved. */
export function checkExpiryPolicy(typed: { mode: PointsExpiryMode; months: string }): { value: PointsExpiryPolicyInput | null; error?: string } {
  if (typed.mode !== 'ROLLING') return { value: { mode: typed.mode, months: null } }
  const months = parseWhole(typed.months)
  if (months === null || months < ROLLING_MONTHS.min || months > ROLLING_MONTHS.max) return { value: null, error: `有效月数应为 ${ROLLING_MONTHS.min}–${ROLLING_MONTHS.max} 的整数` }
  return { value: { mode: 'ROLLING', months } }
}
