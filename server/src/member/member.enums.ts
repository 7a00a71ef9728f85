import { registerEnumType } from 'type-graphql';

export enum MemberRole {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  STAFF = 'STAFF',
  MEMBER = 'MEMBER',
}

export enum MemberStatus {
  APPLICANT = 'APPLICANT',
  ACTIVE = 'ACTIVE',
  REMOVED = 'REMOVED',
  BANNED = 'BANNED',
}

/** Who may act on whom: an actor only manages members ranked strictly below itself. */
export const ROLE_RANK: Record<MemberRole, number> = {
  [MemberRole.OWNER]: 3,
  [MemberRole.ADMIN]: 2,
  [MemberRole.STAFF]: 1,
  [MemberRole.MEMBER]: 0,
};

export const ADMIN_ROLES = [MemberRole.OWNER, MemberRole.ADMIN] as const;
export const WRITE_OFF_ROLES = [MemberRole.OWNER, MemberRole.ADMIN, MemberRole.STAFF] as const;

registerEnumType(MemberRole, {
  name: 'MemberRole',
  valuesConfig: {
    OWNER: { description: '群主' },
    ADMIN: { description: '管理员' },
    STAFF: { description: '核销员: writes off coupons, nothing else' },
    MEMBER: { description: '成员' },
  },
});

registerEnumType(MemberStatus, {
  name: 'MemberStatus',
  valuesConfig: {
    APPLICANT: { description: '待审核' },
    ACTIVE: { description: '正常' },
    REMOVED: { description: '已移出 (may join again)' },
    BANNED: { description: '已拉黑 (may not join again)' },
  },
});
