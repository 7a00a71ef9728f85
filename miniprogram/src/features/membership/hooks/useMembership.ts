import { useRouter } from '@tarojs/taro'
import { fetchMembership } from '@/features/membership/api'
import { useQuery } from '@/shared/hooks/useQuery'
import { useCurrentCommunityId, useToken } from '@/features/session/hooks/useSession'

/**
 * The caller's membership in the community of `?id=` (or the current one), so a page can
 * answer 无权限 / 审核中 before the server does.
 */
export function useMembership() {
  const token = useToken()
  const { params } = useRouter()
  const currentId = useCurrentCommunityId()
  const communityId = params.id || currentId
  const query = useQuery(() => fetchMembership(communityId!), [communityId, token], {
    enabled: token !== null && !!communityId,
  })
  return { ...query, communityId, membership: query.data ?? null }
}

export type MembershipState = ReturnType<typeof useMembership>
