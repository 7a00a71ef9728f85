import { graphql } from '@/shared/graphql/client'
import type { Community } from '../api'
import { CommunityDocument } from './community-admin.generated'

export async function fetchCommunity(id: string): Promise<Community | null> {
  const data = await graphql(CommunityDocument, { id })
  return data.community
}
