import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Logger } from '../src/common/logger';
import { Community } from '../src/community/community.entity';
import { CommunityCategory, JoinPolicy } from '../src/community/community.enums';
import { Member } from '../src/member/member.entity';
import { MemberRole, MemberStatus } from '../src/member/member.enums';
import { User } from '../src/user/user.entity';

export const DEMO_JOIN_CODE = 'demo';

const DEMO_PEOPLE: Array<{ name: string; nickname: string; role: MemberRole; daysAgo: number; silentDays: number }> = [
  { name: 'owner', nickname: '林店长', role: MemberRole.OWNER, daysAgo: 120, silentDays: 0 },
  { name: 'xiaoya', nickname: '小雅', role: MemberRole.ADMIN, daysAgo: 90, silentDays: 1 },
  { name: 'clerk', nickname: '前台阿杰', role: MemberRole.STAFF, daysAgo: 60, silentDays: 2 },
  { name: 'mei', nickname: '美美爱拿铁', role: MemberRole.MEMBER, daysAgo: 45, silentDays: 3 },
  { name: 'zhang', nickname: '张三', role: MemberRole.MEMBER, daysAgo: 30, silentDays: 9 },
  { name: 'runner', nickname: '晨跑的老周', role: MemberRole.MEMBER, daysAgo: 20, silentDays: 18 },
  { name: 'quiet', nickname: '潜水员', role: MemberRole.MEMBER, daysAgo: 40, silentDays: 35 },
];

const DAY_MS = 24 * 3600 * 1000;

/**
 * The demo community behind `npm start`: join code `demo`, owner logs in as `dev:owner`.
 * Runs at every demo start and does nothing when the community is already there.
 */
export async function seedDemo(em: EntityManager, log?: Logger): Promise<void> {
  if (await em.findOne(Community, { joinCode: DEMO_JOIN_CODE })) return;
  const now = Date.now();
  const community = em.create(Community, {
    name: '山茶咖啡 · 会员福利社',
    category: CommunityCategory.PERKS,
    joinPolicy: JoinPolicy.OPEN,
    joinCode: DEMO_JOIN_CODE,
    description: '欢迎来到山茶咖啡会员群！每天签到领积分，100 积分抵 1 元；每周五晚 8 点上新团购，到店出示券码即可核销。群内请勿发广告，感谢配合～',
    createdAt: new Date(now - 130 * DAY_MS),
  });
  for (const person of DEMO_PEOPLE) {
    const user = em.create(User, { openid: `dev-${person.name}`, nickname: person.nickname });
    em.create(Member, {
      community,
      user,
      role: person.role,
      status: MemberStatus.ACTIVE,
      joinedAt: new Date(now - person.daysAgo * DAY_MS),
      lastActiveAt: new Date(now - person.silentDays * DAY_MS),
    });
  }
  try {
    await em.flush(); // one transaction: all of the demo or none of it
  } catch (error) {
    // Another process starting at the same moment seeded it first.
    if (error instanceof UniqueConstraintViolationException) return;
    throw error;
  }
  log?.info({ joinCode: DEMO_JOIN_CODE }, 'demo community seeded');
}
