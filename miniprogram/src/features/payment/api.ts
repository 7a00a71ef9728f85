import type { JoinCommunityResult } from '@/features/community/join-api'
import type { ResultMember } from '@/shared/graphql/errors'

/** joinCommunity's answer for a community with an entry fee (what home shows of it; the 支付入群费 page asks for the rest). */
export type PaymentDue = ResultMember<JoinCommunityResult, 'PaymentRequired'>

export function isPaymentRequired(result: { __typename: string }): result is PaymentDue {
  return result.__typename === 'PaymentRequired'
}
