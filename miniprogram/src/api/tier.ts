import { graphql } from './client'

/** 会员等级, reached by lifetime points; level 0 is the entry tier (threshold 0). */
export interface Tier {
  level: number
  name: string
  threshold: number
  multiplier: number
}

export interface TierInput {
  name: string
  threshold: number
  multiplier: number
}

export const TIER_FIELDS = 'level name threshold multiplier'

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
