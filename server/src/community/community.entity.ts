import { Entity, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity';
import { CommunityCategory, JoinPolicy } from './community.enums';

export const DEFAULT_TIMEZONE = 'Asia/Shanghai';
export const DEFAULT_REFERRAL_POINTS = 50;
export const DEFAULT_REFERRAL_DAILY_LIMIT = 5;
/** The OWNER's economy caps of a new community (setEconomyCaps; points/economy-caps.ts). */
export const DEFAULT_ECONOMY_CAPS = { maxPointsPerAction: 1_000, maxRulePointsPerMemberDay: 2_000 } as const;

/** 社群: owns members and everything they do. May span several WeChat groups. */
@ObjectType()
@Entity({ tableName: 'community' })
export class Community extends BaseEntity<'timezone' | 'description' | 'settingsVersion' | 'adjustPerCallLimit' | 'adjustDailyLimit' | 'referralPoints' | 'referralDailyLimit' | 'entryFeeFen' | 'maxPointsPerAction' | 'maxRulePointsPerMemberDay' | 'couponIssuingPausedAt' | 'couponIssuingPauseReason' | 'pointsExpiryMode' | 'pointsExpiryMonths'> {
  @Field()
  @Property({ length: 30 })
  name!: string;

  @Field(() => CommunityCategory)
  @Property({ type: 'string', length: 20 })
  category!: CommunityCategory;

  @Field(() => String, { nullable: true, description: 'Announcement and rules shown on the home page' })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Field(() => JoinPolicy)
  @Property({ type: 'string', length: 16 })
  joinPolicy!: JoinPolicy;

  @Field({ description: 'Opens the community from links and QR codes: pages/index/index?c=<joinCode>' })
  @Property({ length: 16, unique: true })
  joinCode!: string;

  @Field()
  @Property({ length: 40 })
  timezone: string = DEFAULT_TIMEZONE;

  /** Bumped by every change to the check-in rule or the tiers; keys their caches (see settings-version.ts). */
  @Property({ default: 0 })
  settingsVersion: number = 0;

  /** Admin points adjustment: the most one call may add or take (absolute), set by the OWNER. */
  @Property({ default: 10_000 })
  adjustPerCallLimit: number = 10_000;

  /** Admin points adjustment: the most one operator may move per community-local day (absolute sum), set by the OWNER. */
  @Property({ default: 50_000 })
  adjustDailyLimit: number = 50_000;

  /** Economy cap (setEconomyCaps, OWNER): the most points one action may earn by any rule (points/economy-caps.ts). */
  @Property({ default: DEFAULT_ECONOMY_CAPS.maxPointsPerAction })
  maxPointsPerAction: number = DEFAULT_ECONOMY_CAPS.maxPointsPerAction;

  /** Economy cap (setEconomyCaps, OWNER): the most points a member may earn from rules in one community-local day. */
  @Property({ default: DEFAULT_ECONOMY_CAPS.maxRulePointsPerMemberDay })
  maxRulePointsPerMemberDay: number = DEFAULT_ECONOMY_CAPS.maxRulePointsPerMemberDay;

  /** 邀请奖励: points the inviter gets when an invitee first checks in, set by admins. */
  @Property({ default: DEFAULT_REFERRAL_POINTS })
  referralPoints: number = DEFAULT_REFERRAL_POINTS;

  /** 邀请奖励: rewarded invitees per inviter per community-local day; later first check-ins that day pay nothing. */
  @Property({ default: DEFAULT_REFERRAL_DAILY_LIMIT })
  referralDailyLimit: number = DEFAULT_REFERRAL_DAILY_LIMIT;

  /** 暂停发放 (setCouponIssuingPaused): since when redemptions and grants are refused; null while coupons are issued. */
  @Field(() => Date, { nullable: true, description: '暂停发放: since when no coupon is redeemed or granted (null: issuing)' })
  @Property({ type: 'datetime', length: 3, nullable: true })
  couponIssuingPausedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why coupon issuing is paused, as members read it in the shop' })
  @Property({ type: 'string', length: 60, nullable: true })
  couponIssuingPauseReason?: string | null;

  /** 积分有效期 (setPointsExpiryPolicy; points/expiry/): NONE, ANNUAL or ROLLING. Read by the ledger's statements themselves, never from a cache. */
  @Property({ type: 'string', length: 8, default: 'NONE' })
  pointsExpiryMode: string = 'NONE';

  /** ROLLING's months (6–36); null otherwise. */
  @Property({ type: 'integer', nullable: true })
  pointsExpiryMonths?: number | null;

  /** 入群费 in fen; 0 = free. Set by admins through payment/ (setEntryFee). */
  @Field(() => Int, { description: '入群费 in fen (0 = free): joining by code or invite asks for it through WeChat Pay' })
  @Property({ default: 0 })
  entryFeeFen: number = 0;
}
