import type { MikroORM } from '@mikro-orm/core';
import type { AppConfig } from './config';
import { AuditService } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { CheckInRuleService } from './checkin/checkin-rule.service';
import { CheckInService } from './checkin/checkin.service';
import { MakeUpCheckInService } from './checkin/make-up.service';
import { InviteService } from './invite/invite.service';
import { ReferralRewardService } from './invite/referral-reward.service';
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
import { WeChatApiClient, WeChatMessageApi } from './wechat/wechat-api.client';
import { WeChatAccessTokenService } from './wechat/wechat-access-token.service';
import { NotificationService } from './notification/notification.service';
import { NotificationSender } from './notification/notification-sender.service';
import { WeChatGroupService } from './wechat/wechat-group.service';
import type { RateLimits } from './rate-limit/rate-limits';
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
import { EntryPaymentService } from './payment/entry-payment.service';
import { EntryRefundService } from './payment/entry-refund.service';
import { PaymentOrderViews } from './payment/payment-order-views';
import { PaymentReconciliationService } from './payment/payment-reconciliation.service';
import { createWeChatPayGateway } from './payment/wechat-pay.gateway';

/** The app's singletons; each request reaches them through its RequestContext. */
export function createAppServices(config: AppConfig, orm: MikroORM, clock: Clock, log: Logger, rateLimits: RateLimits) {
  const sessions = new SessionTokenService(config.session);
  const wechat = new WeChatApiClient(config.wechat);
  const messageApi = new WeChatMessageApi(config.wechat);
  const accessTokens = new WeChatAccessTokenService(orm, config.wechat.appId, messageApi, clock, log);
  const notifications = new NotificationService(config.notifications, clock);
  const points = new PointsLedgerService();
  const wechatPay = createWeChatPayGateway(config.wechatPay);
  return {
    config,
    orm,
    clock,
    log,
    sessions,
    rateLimits,
    auth: new AuthService(config.wechat, wechat, sessions),
    access: new MemberAccessService(),
    audit: new AuditService(),
    communities: new CommunityService(),
    memberships: new MembershipService(),
    memberAdmin: new MemberAdminService(),
    wechatGroups: new WeChatGroupService(config.wechat),
    // member economy
    points,
    memberPoints: new PointsService(),
    tiers: new TierService(),
    checkInRules: new CheckInRuleService(),
    checkIns: new CheckInService(),
    makeUpCheckIns: new MakeUpCheckInService(),
    couponTemplates: new CouponTemplateService(),
    couponRedemption: new CouponRedemptionService(),
    couponCounter: new CouponCounterService(),
    couponQueries: new CouponQueryService(),
    couponGrants: new CouponGrantService(),
    // community activities
    groupBuys: new GroupBuyService(notifications),
    groupBuyEntries: new GroupBuyEntryService(),
    signupForms: new SignupFormService(notifications),
    signupSubmissions: new SignupSubmissionService(notifications),
    questionnaires: new QuestionnaireService(),
    applications: new ApplicationService(notifications),
    // entry thresholds
    invites: new InviteService(),
    referralRewards: new ReferralRewardService(points),
    wechatPay,
    entryPayments: new EntryPaymentService(config, wechatPay),
    entryRefunds: new EntryRefundService(wechatPay),
    paymentReconciliation: new PaymentReconciliationService(config.wechatPay, wechatPay),
    paymentOrderViews: new PaymentOrderViews(),
    // community health
    activity: new MemberActivityService(),
    communityStats: new CommunityStatsService(),
    dormantMembers: new DormantMemberService(),
    exports: new ExportService(config.session, clock, EXPORT_SOURCES),
    // notifications
    notifications,
    accessTokens,
    notificationSender: new NotificationSender(orm, config.notifications, messageApi, accessTokens, clock, log),
  };
}

export type AppServices = ReturnType<typeof createAppServices>;
