import { graphql } from '@/shared/graphql/client'
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
