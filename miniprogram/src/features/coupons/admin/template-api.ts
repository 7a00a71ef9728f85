import { graphql } from '@/shared/graphql/client'
import type { CouponTemplate, CouponTemplateInput } from '../template-api'
import { CreateCouponTemplateDocument, SetCouponTemplateActiveDocument, UpdateCouponTemplateDocument } from './template.generated'

export async function createCouponTemplate(communityId: string, input: CouponTemplateInput): Promise<CouponTemplate> {
  const data = await graphql(CreateCouponTemplateDocument, { communityId, input })
  return data.createCouponTemplate
}

export async function updateCouponTemplate(templateId: string, input: CouponTemplateInput): Promise<CouponTemplate> {
  const data = await graphql(UpdateCouponTemplateDocument, { templateId, input })
  return data.updateCouponTemplate
}

export async function setCouponTemplateActive(templateId: string, active: boolean): Promise<CouponTemplate> {
  const data = await graphql(SetCouponTemplateActiveDocument, { templateId, active })
  return data.setCouponTemplateActive
}
