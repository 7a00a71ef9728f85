import { graphql } from '@/shared/graphql/client'
import type { ResultMember } from '@/shared/graphql/errors'
import type { CouponTemplate, CouponTemplateInput } from '../template-api'
import {
  CreateCouponTemplateDocument,
  SetCouponIssuingPausedDocument,
  SetCouponTemplateActiveDocument,
  UpdateCouponTemplateDocument,
  type UpdateCouponTemplateMutation,
} from './template.generated'

/** CouponTemplateSaved, or StockBelowIssued when the stock would drop below the coupons already issued */
export type UpdateCouponTemplateResult = UpdateCouponTemplateMutation['updateCouponTemplate']
export type StockBelowIssued = ResultMember<UpdateCouponTemplateResult, 'StockBelowIssued'>

export async function createCouponTemplate(communityId: string, input: CouponTemplateInput): Promise<CouponTemplate> {
  const data = await graphql(CreateCouponTemplateDocument, { communityId, input })
  return data.createCouponTemplate
}

export async function updateCouponTemplate(templateId: string, input: CouponTemplateInput): Promise<UpdateCouponTemplateResult> {
  const data = await graphql(UpdateCouponTemplateDocument, { templateId, input })
  return data.updateCouponTemplate
}

export async function setCouponTemplateActive(templateId: string, active: boolean): Promise<CouponTemplate> {
  const data = await graphql(SetCouponTemplateActiveDocument, { templateId, active })
  return data.setCouponTemplateActive
}

/** Admin: 暂停发放 with the reason members read in the shop, or 恢复发放. */
export async function setCouponIssuingPaused(communityId: string, paused: boolean, reason?: string): Promise<void> {
  await graphql(SetCouponIssuingPausedDocument, { communityId, paused, reason: reason ?? null })
}
