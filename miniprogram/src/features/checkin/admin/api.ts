import { graphql } from '@/shared/graphql/client'
import { RULE_FIELDS, type CheckInRule, type CheckInRuleInput } from '../api'

/** Admin */
export async function updateCheckInRule(communityId: string, input: CheckInRuleInput): Promise<CheckInRule> {
  const data = await graphql<{ updateCheckInRule: CheckInRule }>(
    `mutation UpdateCheckInRule($communityId: ID!, $input: CheckInRuleInput!) {
      updateCheckInRule(communityId: $communityId, input: $input) { ${RULE_FIELDS} }
    }`,
    { communityId, input },
  )
  return data.updateCheckInRule
}
