import { graphql } from '@/shared/graphql/client'
import { CouponTemplatesDocument, type CouponTemplateFieldsFragment } from './template.generated'

/** A coupon members buy with points (100 points = ¥1). Money in fen; stock / remaining null: unlimited. */
export type CouponTemplate = CouponTemplateFieldsFragment
export type { CouponTemplateInput } from './admin/template.generated'

/** includeInactive: admins only (the management list). */
export async function fetchCouponTemplates(communityId: string, includeInactive = false): Promise<CouponTemplate[]> {
  const data = await graphql(CouponTemplatesDocument, { communityId, includeInactive })
  return data.couponTemplates
}
