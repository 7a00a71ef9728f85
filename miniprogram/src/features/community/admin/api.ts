import { graphql } from '@/shared/graphql/client'
import { COMMUNITY_FIELDS, type Community } from '../api'

export async function fetchCommunity(id: string): Promise<Community | null> {
  const data = await graphql<{ community: Community | null }>(
    `query Community($id: ID!) { community(id: $id) { ${COMMUNITY_FIELDS} } }`,
    { id },
  )
  return data.community
}
