import { graphql } from '@/shared/graphql/client'
import { TIER_FIELDS, type Tier, type TierInput } from '../tier-api'

export async function fetchTiers(communityId: string): Promise<Tier[]> {
  const data = await graphql<{ tiers: Tier[] }>(
    `query Tiers($communityId: ID!) { tiers(communityId: $communityId) { ${TIER_FIELDS} } }`,
    { communityId },
  )
  return data.tiers
}

/** Admin: replaces the tier table; members are re-tiered by the server. */
export async function setTiers(communityId: string, tiers: TierInput[]): Promise<Tier[]> {
  const data = await graphql<{ setTiers: Tier[] }>(
    `mutation SetTiers($communityId: ID!, $tiers: [TierInput!]!) {
      setTiers(communityId: $communityId, tiers: $tiers) { ${TIER_FIELDS} }
    }`,
    { communityId, tiers },
  )
  return data.setTiers
}
