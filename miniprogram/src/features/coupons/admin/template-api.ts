import { graphql } from '@/shared/graphql/client'
import { ERROR_RESULT_FIELDS, type ErrorResult } from '@/shared/graphql/errors'
import { TEMPLATE_FIELDS, type CouponTemplate, type CouponTemplateInput } from '../template-api'

export async function createCouponTemplate(communityId: string, input: CouponTemplateInput): Promise<CouponTemplate> {
  const data = await graphql<{ createCouponTemplate: CouponTemplate }>(
    `mutation CreateCouponTemplate($communityId: ID!, $input: CouponTemplateInput!) {
      createCouponTemplate(communityId: $communityId, input: $input) { ${TEMPLATE_FIELDS} }
    }`,
    { communityId, input },
  )
  return data.createCouponTemplate
}

export interface CouponTemplateSaved {
  __typename: 'CouponTemplateSaved'
  template: CouponTemplate
}

export interface StockBelowIssued extends ErrorResult {
  __typename: 'StockBelowIssued'
  issuedCount: number
}

/** CouponTemplateSaved, or StockBelowIssued when the stock would drop below the coupons already issued */
export async function updateCouponTemplate(templateId: string, input: CouponTemplateInput): Promise<CouponTemplateSaved | ErrorResult> {
  const data = await graphql<{ updateCouponTemplate: CouponTemplateSaved | ErrorResult }>(
    `mutation UpdateCouponTemplate($templateId: ID!, $input: CouponTemplateInput!) {
      updateCouponTemplate(templateId: $templateId, input: $input) {
        ${ERROR_RESULT_FIELDS}
        ... on StockBelowIssued { issuedCount }
        ... on CouponTemplateSaved { template { ${TEMPLATE_FIELDS} } }
      }
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
