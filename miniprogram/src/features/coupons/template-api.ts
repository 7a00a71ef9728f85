import { graphql } from '@/shared/graphql/client'
import { TIER_FIELDS, type Tier } from '@/features/membership/tier-api'

/** A coupon members buy with points (100 points = ¥1). Money in fen. */
export interface CouponTemplate {
  id: string
  title: string
  description: string | null
  faceValueFen: number
  minSpendFen: number
  pointsCost: number
  validDays: number
  /** null: unlimited */
  stock: number | null
  remaining: number | null
  perMemberLimit: number | null
  minTierLevel: number
  minTier: Tier | null
  active: boolean
  startsAt: string | null
  endsAt: string | null
  myRedeemedCount: number
  issuedCount: number
}

export interface CouponTemplateInput {
  title: string
  description: string | null
  faceValueFen: number
  minSpendFen: number
  validDays: number
  stock: number | null
  perMemberLimit: number | null
  minTierLevel: number
  startsAt: string | null
  endsAt: string | null
}

export const TEMPLATE_FIELDS = `id title description faceValueFen minSpendFen pointsCost validDays stock remaining perMemberLimit
  minTierLevel minTier { ${TIER_FIELDS} } active startsAt endsAt myRedeemedCount issuedCount`

/** includeInactive: admins only (the management list). */
export async function fetchCouponTemplates(communityId: string, includeInactive = false): Promise<CouponTemplate[]> {
  const data = await graphql<{ couponTemplates: CouponTemplate[] }>(
    `query CouponTemplates($communityId: ID!, $includeInactive: Boolean!) {
      couponTemplates(communityId: $communityId, includeInactive: $includeInactive) { ${TEMPLATE_FIELDS} }
    }`,
    { communityId, includeInactive },
  )
  return data.couponTemplates
}
