import type { TierFieldsFragment } from './tier.generated'

/** 会员等级, reached by lifetime points; level 0 is the entry tier (threshold 0). */
export type Tier = TierFieldsFragment
export type { TierInput } from './admin/tier.generated'
