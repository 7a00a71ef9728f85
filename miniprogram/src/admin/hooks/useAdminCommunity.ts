import { useRouter } from '@tarojs/taro'
import { fetchMembership } from '@/api/member'
import { isAdminRole } from '@/constants/member'
import { useQuery } from '@/hooks/useQuery'
import { useCurrentCommunityId, useToken } from '@/hooks/useSession'

/**
 * For admin pages: the community from `?id=` (or the current one) and the caller's membership,
 * so the page can say 无权限 before the server does.
 */
export function useAdminCommunity() {
  const token = useToken()
  const { params } = useRouter()
  const currentId = useCurrentCommunityId()
  const communityId = params.id || currentId
  const query = useQuery(() => fetchMembership(communityId!), [communityId, token], {
    enabled: token !== null && !!communityId,
  })
  const membership = query.data ?? null
  const isAdmin = membership !== null && membership.status === 'ACTIVE' && isAdminRole(membership.role)
  return { ...query, communityId, membership, isAdmin }
}
