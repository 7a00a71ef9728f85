import { graphql } from './client'
import { TIER_FIELDS, type Tier } from './tier'

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

const TEMPLATE_FIELDS = `id title description faceValueFen minSpendFen pointsCost validDays stock remaining perMemberLimit
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

export async function createCouponTemplate(communityId: string, input: CouponTemplateInput): Promise<CouponTemplate> {
  const data = await graphql<{ createCouponTemplate: CouponTemplate }>(
    `mutation CreateCouponTemplate($communityId: ID!, $input: CouponTemplateInput!) {
      createCouponTemplate(communityId: $communityId, input: $input) { ${TEMPLATE_FIELDS} }
    }`,
    { communityId, input },
  )
  return data.createCouponTemplate
}

export async function updateCouponTemplate(templateId: string, input: CouponTemplateInput): Promise<CouponTemplate> {
  const data = await graphql<{ updateCouponTemplate: CouponTemplate }>(
    `mutation UpdateCouponTemplate($templateId: ID!, $input: CouponTemplateInput!) {
      updateCouponTemplate(templateId: $templateId, input: $input) { ${TEMPLATE_FIELDS} }
    }`,
    { templateId, input },
  )
  return data.updateCouponTemplate
}

export async function setCouponTemplateActive(templateId: string, active: boolean): Promise<CouponTemplate> {
  const data = await graphql<{ setCouponTemplateActive: CouponTemplate }>(
    `mutation SetCouponTemplateActive($templateId: ID!, $active: Boolean!) {
      setCouponTemplateActive(templateId: $templateId, active: $active) { ${TEMPLATE_FIELDS} }
    }`,
    { templateId, active },
  )
  return data.setCouponTemplateActive
}
