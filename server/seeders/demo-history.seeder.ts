import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { bonusFor } from '../src/checkin/checkin-rule.service';
import { DEFAULT_CHECKIN_RULE } from '../src/checkin/checkin-rule.entity';
import { CheckIn } from '../src/checkin/checkin.entity';
import { localDate, previousDate } from '../src/common/local-date';
import type { Community } from '../src/community/community.entity';
import { generateCouponCode } from '../src/coupon/coupon-code';
import { issuedTermsOf } from '../src/coupon/coupon-issue';
import type { CouponTemplate } from '../src/coupon/coupon-template.entity';
import { Coupon } from '../src/coupon/coupon.entity';
import { CouponStatus } from '../src/coupon/coupon.enums';
import { GroupBuyEntry } from '../src/groupbuy/group-buy-entry.entity';
import { GroupBuy } from '../src/groupbuy/group-buy.entity';
import { GroupBuyOutcome, GroupBuyState } from '../src/groupbuy/group-buy.enums';
import { MemberActivityDay } from '../src/health/member-activity.entity';
import { Member } from '../src/member/member.entity';
import { MemberRole, MemberStatus } from '../src/member/member.enums';
import type { PointsLedgerService } from '../src/points/points-ledger.service';
import { PointsEntryType } from '../src/points/points.enums';
import { Application } from '../src/questionnaire/application.entity';
import { ApplicationStatus } from '../src/questionnaire/questionnaire.enums';
import { SignupForm } from '../src/signup/signup-form.entity';
import { SignupSubmission } from '../src/signup/signup-submission.entity';
import { SignupFieldType, SignupStatus } from '../src/signup/signup.enums';
import { User } from '../src/user/user.entity';

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;
export const HISTORY_DAYS = 60;

/**
 * How a generated member behaves: the chance of coming back on a given day, and how many days ago
 * they stopped coming (0 = still coming). The silent ones fill the 7 / 15 / 30-day wake-up buckets.
 */
const PROFILES = [
  { kind: 'regular', share: 0.35, dailyChance: 0.85, silentDays: [0, 0, 1] },
  { kind: 'casual', share: 0.3, dailyChance: 0.45, silentDays: [0, 1, 2, 3] },
  { kind: 'drifting', share: 0.15, dailyChance: 0.35, silentDays: [8, 10, 12] },
  { kind: 'fading', share: 0.1, dailyChance: 0.3, silentDays: [17, 20, 25] },
  { kind: 'gone', share: 0.1, dailyChance: 0.25, silentDays: [32, 38, 45] },
] as const;

/** The generated members' nicknames: one ACTIVE member each. */
export const HISTORY_NICKNAMES = [
  '阿花', '大橙子', '豆豆妈', '小鹿', '阿宽', '橘子汽水', '老王头', '七七', '向日葵', '木木', '糖糖', '周末去哪儿', '奶茶续命', '阿光',
  '山楂树', '小鱼干', '早睡早起', '拿铁不加糖', '秋秋', '米粒', '阿文', '跑步的猫', '晴天', '花卷', '小北', '一只柠檬', '团子', '阿杰的妈妈',
  '静静', '乐乐', '小满', '北北', '葡萄', '阿斌', '小太阳', '慢慢来',
];

/** A small seeded generator, so every demo start draws the same history. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SeedContext {
  em: SqlEntityManager;
  ledger: PointsLedgerService;
  community: Community;
  owner: User;
  templates: CouponTemplate[];
  now: Date;
}

/**
 * 60 days of community life for the dashboard: members joining over time, check-ins with streaks
 * and gaps, an activity row for every day they came, redemptions and write-offs, a closed and an
 * open group-buy, a form with a waitlist and two pending applications. Part of the one demo seed
 * transaction (see demo.seeder.ts), so it is written once.
 */
export async function seedDemoHistory(context: SeedContext, namedMembers: Array<{ member: Member; checkInDays: number; silentDays: number }>): Promise<void> {
  const { em, community, now } = context;
  const next = random(20261201);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const activity = new Set<string>();
  const markActive = (member: Member, at: Date) => {
    const day = localDate(at, community.timezone);
    const key = `${member.id}:${day}`;
    if (activity.has(key)) return;
    activity.add(key);
    em.create(MemberActivityDay, { memberId: member.id, day, communityId: community.id });
  };

  // The named demo people came on the days they checked in and on their last active day.
  for (const { member, checkInDays, silentDays } of namedMembers) {
    for (let ago = silentDays; ago < silentDays + checkInDays; ago += 1) markActive(member, new Date(now.getTime() - ago * DAY_MS));
    markActive(member, member.lastActiveAt ?? member.joinedAt);
  }

  const generated: Member[] = [];
  let profileIndex = 0;
  for (const [index, nickname] of HISTORY_NICKNAMES.entries()) {
    const share = (index + 0.5) / HISTORY_NICKNAMES.length;
    let cumulative = 0;
    const profile = PROFILES.find((candidate) => (cumulative += candidate.share) >= share) ?? PROFILES[profileIndex++ % PROFILES.length];
    const silentDays = pick(profile.silentDays);
    // Join dates spread over the 60 days; the silent ones joined early enough to have gone quiet.
    const joinedDaysAgo = Math.max(silentDays + 3, Math.floor(HISTORY_DAYS - (index * HISTORY_DAYS) / HISTORY_NICKNAMES.length));
    const joinedAt = new Date(now.getTime() - joinedDaysAgo * DAY_MS + Math.floor(next() * 10) * HOUR_MS);
    const user = em.create(User, { openid: `dev-demo-${index + 1}`, nickname });
    const member = em.create(Member, { community, user, role: MemberRole.MEMBER, status: MemberStatus.ACTIVE, joinedAt, lastActiveAt: joinedAt });
    await em.flush();
    markActive(member, joinedAt);

    let streak = 0;
    let lastCheckInOn: string | null = null;
    let points = 0;
    for (let ago = joinedDaysAgo; ago >= silentDays; ago -= 1) {
      const comes = ago === joinedDaysAgo || ago === silentDays || next() < profile.dailyChance;
      if (!comes) continue;
      const at = new Date(now.getTime() - ago * DAY_MS + (8 + Math.floor(next() * 12)) * HOUR_MS - 10 * HOUR_MS);
      const moment = at > now ? new Date(now.getTime() - 60_000) : at;
      markActive(member, moment);
      member.lastActiveAt = moment;
      const day = localDate(moment, community.timezone);
      if (day !== lastCheckInOn && next() < 0.85) {
        streak = lastCheckInOn === previousDate(day) ? streak + 1 : 1;
        lastCheckInOn = day;
        const bonusPoints = bonusFor(DEFAULT_CHECKIN_RULE, streak);
        em.create(CheckIn, { community, member, day, streak, pointsAwarded: DEFAULT_CHECKIN_RULE.basePoints, bonusPoints, createdAt: moment });
        const change = { communityId: community.id, memberId: member.id, reference: `checkin:${day}`, at: moment };
        await context.ledger.apply(em, { ...change, amount: DEFAULT_CHECKIN_RULE.basePoints, type: PointsEntryType.CHECK_IN, note: `${day} 签到` });
        if (bonusPoints) await context.ledger.apply(em, { ...change, amount: bonusPoints, type: PointsEntryType.STREAK_BONUS, note: `连续签到第 ${streak} 天奖励` });
        points += DEFAULT_CHECKIN_RULE.basePoints + bonusPoints;
        member.streak = streak;
        member.lastCheckInOn = day;
        // Now and then a member trades points for a coupon, and most use it at the counter a few days later.
        const template = points >= 500 && next() < 0.25 ? context.templates[0] : points >= 200 && next() < 0.15 ? context.templates[3] : null;
        if (template) {
          points -= await redeem(context, member, template, moment, next() < 0.7 ? Math.min(ago, 1 + Math.floor(next() * 5)) : null);
        }
      }
    }
    generated.push(member);
  }
  await em.flush();

  await seedGroupBuys(context, generated, next, markActive);
  await seedSignupForm(context, generated, markActive);
  await seedApplicants(context);
  await em.flush();
}

/** A redemption (ledger, stock, coupon) and, `usedAfterDays` later, its write-off. @returns the points spent. */
async function redeem(context: SeedContext, member: Member, template: CouponTemplate, at: Date, usedAfterDays: number | null): Promise<number> {
  const { em, community, now } = context;
  const requestId = `demo-history-${member.id}-${at.getTime()}`;
  await context.ledger.apply(em, {
    communityId: community.id, memberId: member.id, amount: -template.pointsCost, type: PointsEntryType.COUPON_REDEEM,
    reference: `redeem:${requestId}`, note: `兑换「${template.title}」`, at,
  });
  const usedAt = usedAfterDays === null ? null : new Date(Math.min(at.getTime() + usedAfterDays * DAY_MS, now.getTime() - 60_000));
  em.create(Coupon, {
    community, template, member, code: generateCouponCode(), status: usedAt ? CouponStatus.USED : CouponStatus.UNUSED, requestId,
    ...issuedTermsOf(template), pointsCost: template.pointsCost, redeemedAt: at, expiresAt: new Date(at.getTime() + template.validDays * DAY_MS),
    usedAt, usedBy: usedAt ? context.owner : null, createdAt: at,
  });
  template.issuedCount += 1;
  await em.flush();
  return template.pointsCost;
}

async function seedGroupBuys(context: SeedContext, members: Member[], next: () => number, markActive: (member: Member, at: Date) => void) {
  const { em, community, owner, now } = context;
  const plans = [
    { title: '丹东草莓 3 斤装', priceFen: 5990, startsDaysAgo: 14, endsDaysAgo: 10, closed: true, participants: 9 },
    { title: '云南小粒咖啡豆 500g', priceFen: 6800, startsDaysAgo: 2, endsDaysAgo: -2, closed: false, participants: 5 },
  ];
  const eligible = members.filter((member) => (member.lastActiveAt?.getTime() ?? 0) > now.getTime() - 8 * DAY_MS);
  for (const plan of plans) {
    const startsAt = new Date(now.getTime() - plan.startsDaysAgo * DAY_MS);
    const endsAt = new Date(now.getTime() - plan.endsDaysAgo * DAY_MS);
    const groupBuy = em.create(GroupBuy, {
      community, createdBy: owner, title: plan.title, description: '产地直发，坏果包赔', priceFen: plan.priceFen, originalPriceFen: Math.round(plan.priceFen * 1.3),
      stock: 50, minParticipants: 5, startsAt, endsAt, pickupNote: '到店自提，周六 10:00-18:00',
      state: plan.closed ? GroupBuyState.CLOSED : GroupBuyState.PUBLISHED, outcome: plan.closed ? GroupBuyOutcome.SUCCEEDED : null,
      closedAt: plan.closed ? endsAt : null, createdAt: startsAt, updatedAt: startsAt,
    });
    await em.flush();
    const buyers = eligible.slice(0, plan.participants);
    for (const [i, member] of buyers.entries()) {
      const at = new Date(Math.min(startsAt.getTime() + (i + 1) * 3 * HOUR_MS, now.getTime() - 60_000));
      const quantity = 1 + Math.floor(next() * 3);
      em.create(GroupBuyEntry, { groupBuy, community, member, seq: i + 1, quantity, requestId: `demo-gb-${groupBuy.id}-${member.id}`, pickedUp: plan.closed && i % 3 !== 0, createdAt: at, updatedAt: at });
      groupBuy.soldQuantity += quantity;
      groupBuy.participantCount += 1;
      groupBuy.lastSeq = i + 1;
      markActive(member, at);
    }
    await em.flush();
  }
}

async function seedSignupForm(context: SeedContext, members: Member[], markActive: (member: Member, at: Date) => void) {
  const { em, community, owner, now } = context;
  const createdAt = new Date(now.getTime() - 6 * DAY_MS);
  const fields = [
    { id: 'fdemoname', label: '姓名', type: SignupFieldType.TEXT, required: true, options: [] },
    { id: 'fdemosession', label: '场次', type: SignupFieldType.SINGLE_CHOICE, required: true, options: ['上午场', '下午场'] },
  ];
  const form = em.create(SignupForm, {
    community, createdBy: owner, title: '周末咖啡拉花体验课', description: '每人 1 杯，材料店里准备', fields, capacity: 5, waitlist: true,
    deadline: new Date(now.getTime() + 3 * DAY_MS), createdAt, updatedAt: createdAt,
  });
  await em.flush();
  const applicants = members.filter((member) => (member.lastActiveAt?.getTime() ?? 0) > now.getTime() - 8 * DAY_MS).slice(2, 9);
  for (const [i, member] of applicants.entries()) {
    const at = new Date(createdAt.getTime() + (i + 1) * 5 * HOUR_MS);
    const confirmed = i < form.capacity;
    const answers = [
      { fieldId: 'fdemoname', label: '姓名', type: SignupFieldType.TEXT, value: `报名人${i + 1}`, values: null },
      { fieldId: 'fdemosession', label: '场次', type: SignupFieldType.SINGLE_CHOICE, value: i % 2 ? '下午场' : '上午场', values: null },
    ];
    em.create(SignupSubmission, {
      form, community, member, status: confirmed ? SignupStatus.CONFIRMED : SignupStatus.WAITLISTED, waitlistNo: confirmed ? null : i - form.capacity + 1,
      answers, confirmedAt: confirmed ? at : null, createdAt: at, updatedAt: at,
    });
    markActive(member, at);
  }
  form.confirmedCount = Math.min(applicants.length, form.capacity);
  form.lastWaitlistNo = Math.max(applicants.length - form.capacity, 0);
  await em.flush();
}

/** Two people waiting for review (their entry answers on file). */
async function seedApplicants(context: SeedContext) {
  const { em, community, now } = context;
  for (const [i, nickname] of ['想进群的小林', '路过的咖啡控'].entries()) {
    const at = new Date(now.getTime() - (i + 1) * 5 * HOUR_MS);
    const user = em.create(User, { openid: `dev-applicant-${i + 1}`, nickname });
    const member = em.create(Member, { community, user, role: MemberRole.MEMBER, status: MemberStatus.APPLICANT, joinedAt: at, lastActiveAt: at, createdAt: at });
    await em.flush();
    em.create(Application, { community, member, attempt: 1, status: ApplicationStatus.PENDING, score: 0, passed: false, answers: [], tags: [], createdAt: at });
  }
  await em.flush();
}
