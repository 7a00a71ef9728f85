/** 会员等级, reached by lifetime points; level 0 is the entry tier (threshold 0). */
export interface Tier {
  level: number
  name: string
  threshold: number
  multiplier: number
}

export interface TierInput {
  name: string
  threshold: number
  multiplier: number
}

export const TIER_FIELDS = 'level name threshold multiplier'
