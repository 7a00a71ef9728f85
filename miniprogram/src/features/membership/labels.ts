import type { MemberRole, MemberStatus } from '@/features/membership/api'

export const ROLE_LABELS: Record<MemberRole, string> = {
  OWNER: '群主',
  ADMIN: '管理员',
  STAFF: '核销员',
  MEMBER: '成员',
}

export const STATUS_LABELS: Record<MemberStatus, string> = {
  APPLICANT: '待审核',
  ACTIVE: '正常',
  REMOVED: '已移出',
  BANNED: '已拉黑',
}

export function isAdminRole(role: MemberRole | null | undefined): boolean {
  return role === 'OWNER' || role === 'ADMIN'
}

/** Staff write off coupons at the counter; admins and the owner may too. */
export function canWriteOff(role: MemberRole | null | undefined): boolean {
  return role === 'STAFF' || isAdminRole(role)
}
