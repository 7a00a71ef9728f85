import { graphql } from '@/shared/graphql/client'
import { savedOrThrow } from '@/shared/graphql/errors'
import type { CheckInRule, CheckInRuleInput } from '../api'
import { UpdateCheckInRuleDocument } from './checkin-admin.generated'

/** Admin */
export async function updateCheckInRule(communityId: string, input: CheckInRuleInput): Promise<CheckInRule> {
  const data = await graphql(UpdateCheckInRuleDocument, { communityId, input })
  return savedOrThrow(data.updateCheckInRule)
}
