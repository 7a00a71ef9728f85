import type { MikroORM } from '@mikro-orm/core';
import type { AppConfig } from './config';
import { AuditService } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { CheckInRuleService } from './checkin/checkin-rule.service';
import { CheckInService } from './checkin/checkin.service';
import { CouponCounterService } from './coupon/coupon-counter.service';
import { CouponQueryService } from './coupon/coupon-query.service';
import { CouponRedemptionService } from './coupon/coupon-redemption.service';
import { CouponTemplateService } from './coupon/coupon-template.service';
import { PointsLedgerService } from './points/points-ledger.service';
import { PointsService } from './points/points.service';
import { TierService } from './tier/tier.service';
import { SessionTokenService } from './auth/session-token.service';
import type { Clock } from './common/clock';
import type { Logger } from './common/logger';
import { CommunityService } from './community/community.service';
import { MemberAccessService } from './member/member-access.service';
import { MemberAdminService } from './member/member-admin.service';
import { MembershipService } from './member/membership.service';
import { WeChatApiClient } from './wechat/wechat-api.client';
import { WeChatGroupService } from './wechat/wechat-group.service';
import { ExportService } from './export/export.service';
import { EXPORT_SOURCES } from './export/export-sources';
import { GroupBuyEntryService } from './groupbuy/group-buy-entry.service';
import { GroupBuyService } from './groupbuy/group-buy.service';
import { ApplicationService } from './questionnaire/application.service';
import { QuestionnaireService } from './questionnaire/questionnaire.service';
import { SignupFormService } from './signup/signup-form.service';
import { SignupSubmissionService } from './signup/signup-submission.service';
import { MemberActivityService } from './health/member-activity.service';
import { CommunityStatsService } from './health/community-stats.service';
import { DormantMemberService } from './health/dormant-member.service';
import { CouponGrantService } from './coupon/coupon-grant.service';

/** The app's singletons; each request reaches them through its RequestContext. */
export function createAppServices(config: AppConfig, orm: MikroORM, clock: Clock, log: Logger) {
  const sessions = new SessionTokenService(config.session);
  const wechat = new WeChatApiClient(config.wechat);
  return {
    config,
    orm,
    clock,
    log,
    sessions,
    auth: new AuthService(config.wechat, wechat, sessions),
    access: new MemberAccessService(),
    audit: new AuditService(),
    communities: new CommunityService(),
    memberships: new MembershipService(),
    memberAdmin: new MemberAdminService(),
    wechatGroups: new WeChatGroupService(config.wechat),
    // member economy
    points: new PointsLedgerService(),
    memberPoints: new PointsService(),
    tiers: new TierService(),
    checkInRules: new CheckInRuleService(),
    checkIns: new CheckInService(),
    couponTemplates: new CouponTemplateService(),
    couponRedemption: new CouponRedemptionService(),
    couponCounter: new CouponCounterService(),
    couponQueries: new CouponQueryService(),
    couponGrants: new CouponGrantService(),
    // community activities
    groupBuys: new GroupBuyService(),
    groupBuyEntries: new GroupBuyEntryService(),
    signupForms: new SignupFormService(),
    signupSubmissions: new SignupSubmissionService(),
    questionnaires: new QuestionnaireService(),
    applications: new ApplicationService(),
    // community health
    activity: new MemberActivityService(),
    communityStats: new CommunityStatsService(),
    dormantMembers: new DormantMemberService(),
    exports: new ExportService(config.session, clock, EXPORT_SOURCES),
  };
}

export type AppServices = ReturnType<typeof createAppServices>;
