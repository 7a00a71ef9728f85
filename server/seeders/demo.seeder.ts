import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { bonusFor, createDefaultCheckInRule } from '../src/checkin/checkin-rule.service';
import { DEFAULT_CHECKIN_RULE } from '../src/checkin/checkin-rule.entity';
import { CheckIn } from '../src/checkin/checkin.entity';
import type { Logger } from '../src/common/logger';
import { localDate } from '../src/common/local-date';
import { Community } from '../src/community/community.entity';
import { CommunityCategory, JoinPolicy } from '../src/community/community.enums';
import { generateCouponCode } from '../src/coupon/coupon-code';
import { issuedTermsOf } from '../src/coupon/coupon-issue';
import { CouponTemplate } from '../src/coupon/coupon-template.entity';
import { Coupon } from '../src/coupon/coupon.entity';
import { CouponStatus } from '../src/coupon/coupon.enums';
import { Member } from '../src/member/member.entity';
import { MemberRole, MemberStatus } from '../src/member/member.enums';
import { PointsLedgerService } from '../src/points/points-ledger.service';
import { PointsEntryType } from '../src/points/points.enums';
import { createDefaultTiers } from '../src/tier/tier.service';
import { User } from '../src/user/user.entity';
import { HISTORY_NICKNAMES, seedDemoHistory } from './demo-history.seeder';
import { rebuildRollups } from '../src/health/rollups/rollup-backfill';

export const DEMO_JOIN_CODE = 'demo';

/** checkInDays: how many consecutive days the person checked in, ending `silentDays` ago. */
const DEMO_PEOPLE = [
  { name: 'owner', nickname: '林店长', role: MemberRole.OWNER, daysAgo: 120, silentDays: 0, checkInDays: 0 },
  { name: 'xiaoya', nickname: '小雅', role: MemberRole.ADMIN, daysAgo: 90, silentDays: 1, checkInDays: 12 },
  { name: 'clerk', nickname: '前台阿杰', role: MemberRole.STAFF, daysAgo: 60, silentDays: 2, checkInDays: 3 },
  { name: 'mei', nickname: '美美爱拿铁', role: MemberRole.MEMBER, daysAgo: 45, silentDays: 1, checkInDays: 40 },
  { name: 'zhang', nickname: '张三', role: MemberRole.MEMBER, daysAgo: 30, silentDays: 9, checkInDays: 6 },
  { name: 'runner', nickname: '晨跑的老周', role: MemberRole.MEMBER, daysAgo: 20, silentDays: 18, checkInDays: 2 },
  { name: 'quiet', nickname: '潜水员', role: MemberRole.MEMBER, daysAgo: 40, silentDays: 35, checkInDays: 0 },
];

/** ACTIVE members of the seeded demo community (the named people and the generated history's). */
export const DEMO_ACTIVE_MEMBERS = DEMO_PEOPLE.length + HISTORY_NICKNAMES.length;

const DEMO_COUPONS = [
  { title: '¥5 无门槛券', description: '全场饮品可用，每单限用一张', faceValueFen: 500, minSpendFen: 0, validDays: 30, stock: 200, perMemberLimit: 2, minTierLevel: 0 },
  { title: '满 50 减 10', description: '堂食外带均可使用', faceValueFen: 1000, minSpendFen: 5000, validDays: 30, stock: 100, perMemberLimit: 1, minTierLevel: 0 },
  { title: '达人专享 ¥20 券', description: '达人及以上会员专享，满 100 可用', faceValueFen: 2000, minSpendFen: 10000, validDays: 60, stock: 30, perMemberLimit: 1, minTierLevel: 1 },
  { title: '¥2 加料券', description: '燕麦奶、浓缩加份任选', faceValueFen: 200, minSpendFen: 0, validDays: 14, stock: null, perMemberLimit: null, minTierLevel: 0 },
];

const DAY_MS = 24 * 3600 * 1000;

/**
 * The demo community behind `npm start`: join code `demo`, owner logs in as `dev:owner`, staff as
 * `dev:clerk`, a regular as `dev:mei`. Runs at every demo start; does nothing once seeded.
 */
export async function seedDemo(em: EntityManager, log?: Logger): Promise<void> {
  if (await em.findOne(Community, { joinCode: DEMO_JOIN_CODE })) return;
  try {
    await em.transactional(async (tx) => seed(tx as SqlEntityManager)); // all of the demo or none of it
  } catch (error) {
    // Another process starting at the same moment seeded it first.
    if (error instanceof UniqueConstraintViolationException) return;
    throw error;
  }
  log?.info({ joinCode: DEMO_JOIN_CODE }, 'demo community seeded');
}

async function seed(em: SqlEntityManager): Promise<void> {
  const now = new Date();
  const community = em.create(Community, {
    name: '山茶咖啡 · 会员福利社',
    category: CommunityCategory.PERKS,
    joinPolicy: JoinPolicy.OPEN,
    joinCode: DEMO_JOIN_CODE,
    description: '欢迎来到山茶咖啡会员群！每天签到领积分，100 积分抵 1 元；每周五晚 8 点上新团购，到店出示券码即可核销。群内请勿发广告，感谢配合～',
    createdAt: new Date(now.getTime() - 130 * DAY_MS),
  });
  const members = DEMO_PEOPLE.map((person) => {
    const user = em.create(User, { openid: `dev-${person.name}`, nickname: person.nickname });
    const member = em.create(Member, {
      community,
      user,
      role: person.role,
      status: MemberStatus.ACTIVE,
      joinedAt: new Date(now.getTime() - person.daysAgo * DAY_MS),
      lastActiveAt: new Date(now.getTime() - person.silentDays * DAY_MS),
    });
    return { person, member };
  });
  await em.flush();
  createDefaultTiers(em, community.id, now);
  createDefaultCheckInRule(em, community.id, now);
  const templates = DEMO_COUPONS.map((coupon) => em.create(CouponTemplate, { community, ...coupon, createdAt: now }));
  await em.flush();

  const ledger = new PointsLedgerService();
  for (const { person, member } of members) {
    await seedCheckIns(em, ledger, community, member, person.checkInDays, person.silentDays, now);
  }
  await ledger.apply(em, { communityId: community.id, memberId: members[0].member.id, amount: 800, type: PointsEntryType.ADMIN_ADJUST, note: '开群福利', at: now });

  // 美美 already traded 500 points for a ¥5 coupon.
  const mei = members.find(({ person }) => person.name === 'mei')!.member;
  const requestId = 'demo-seed-redemption';
  await ledger.apply(em, { communityId: community.id, memberId: mei.id, amount: -500, type: PointsEntryType.COUPON_REDEEM, reference: `redeem:${requestId}`, note: `兑换「${templates[0].title}」`, at: now });
  em.create(Coupon, {
    community, template: templates[0], member: mei, code: generateCouponCode(), status: CouponStatus.UNUSED, requestId,
    ...issuedTermsOf(templates[0]), pointsCost: 500, redeemedAt: now, expiresAt: new Date(now.getTime() + 30 * DAY_MS), createdAt: now,
  });
  templates[0].issuedCount = 1;
  await em.flush();

  await seedDemoHistory(
    { em, ledger, community, owner: members[0].member.user, templates, now },
    members.map(({ person, member }) => ({ member, checkInDays: person.checkInDays, silentDays: person.silentDays })),
  );
  // The seeder writes raw rows straight (members, history): the dashboard's rollups are built from them once, at the end.
  await rebuildRollups(em, community.id, community.timezone);
}

async function seedCheckIns(em: SqlEntityManager, ledger: PointsLedgerService, community: Community, member: Member, days: number, silentDays: number, now: Date) {
  let streak = 0;
  for (let ago = silentDays + days - 1; ago >= silentDays; ago -= 1) {
    const at = new Date(now.getTime() - ago * DAY_MS);
    const day = localDate(at, community.timezone);
    streak += 1;
    const bonusPoints = bonusFor(DEFAULT_CHECKIN_RULE, streak);
    em.create(CheckIn, { community, member, day, streak, pointsAwarded: DEFAULT_CHECKIN_RULE.basePoints, bonusPoints, createdAt: at });
    const change = { communityId: community.id, memberId: member.id, reference: `checkin:${day}`, at };
    await ledger.apply(em, { ...change, amount: DEFAULT_CHECKIN_RULE.basePoints, type: PointsEntryType.CHECK_IN, note: `${day} 签到` });
    if (bonusPoints) await ledger.apply(em, { ...change, amount: bonusPoints, type: PointsEntryType.STREAK_BONUS, note: `连续签到第 ${streak} 天奖励` });
    member.streak = streak;
    member.lastCheckInOn = day;
  }
  await em.flush();
}
