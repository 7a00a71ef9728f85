import { graphql } from '@/shared/graphql/client'
import { savedOrThrow } from '@/shared/graphql/errors'
import type { Tier, TierInput } from '../tier-api'
import { SetTiersDocument, TiersDocument } from './tier.generated'

export async function fetchTiers(communityId: string): Promise<Tier[]> {
  const data = await graphql(TiersDocument, { communityId })
  return data.tiers
}

/** Admin: replaces the tier table; members are re-tiered by the server. */
export async function setTiers(communityId: string, tiers: TierInput[]): Promise<Tier[]> {
  const data = await graphql(SetTiersDocument, { communityId, tiers })
  return savedOrThrow(data.setTiers).tiers
}
