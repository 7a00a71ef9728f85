import { canWriteOff, isAdminRole } from '@/features/membership/labels'
import { useMembership } from '@/features/membership/hooks/useMembership'

/**
 * For admin pages: the community from `?id=` (or the current one) and the caller's membership.
 * `allowStaff` opens the page to 核销员 too (the write-off page is the only one).
 */
export function useAdminCommunity({ allowStaff = false }: { allowStaff?: boolean } = {}) {
  const state = useMembership()
  const { membership } = state
  const active = membership !== null && membership.status === 'ACTIVE'
  const isAdmin = active && isAdminRole(membership.role)
  const allowed = active && (allowStaff ? canWriteOff(membership.role) : isAdmin)
  return { ...state, isAdmin, allowed, allowStaff }
}
