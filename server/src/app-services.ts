import type { MikroORM } from '@mikro-orm/core';
import type { AppConfig } from './config';
import { AuditService } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { CheckInRuleService, createDefaultCheckInRule } from './checkin/checkin-rule.service';
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
import { PointsExpiryPolicyService } from './points/expiry/points-expiry-policy.service';
import { PointsExpiryForecastService } from './points/expiry/points-expiry-forecast.service';
import { PointsExpiryService } from './points/expiry/points-expiry.service';
import { createDefaultTiers, TierService } from './tier/tier.service';
import { SessionTokenService } from './auth/session-token.service';
import { CommunityCounts } from './community/community-counts';
import type { Clock } from './common/clock';
import type { Logger } from './common/logger';
import { CommunityService } from './community/community.service';
import { MemberAccessService } from './member/member-access.service';
import { MemberAdminService } from './member/member-admin.service';
import { MembershipService, RequestEntryPayment } from './member/membership.service';
import { WeChatApiClient, WeChatMessageApi } from './wechat/wechat-api.client';
import { WeChatAccessTokenService } from './wechat/wechat-access-token.service';
import { NotificationService } from './notification/notification.service';
import { NotificationSender } from './notification/notification-sender.service';
import { WeChatGroupService } from './wechat/wechat-group.service';
import type { RateLimits } from './rate-limit/rate-limits';
import { ExportService } from './export/export.service';
import { EXPORT_SOURCES } from './export/export-sources';
import { GroupBuyEntryService } from './groupbuy/group-buy-entry.service';
import { GroupBuyJoinBatches } from './groupbuy/group-buy-join-batch';
import { GroupBuyService } from './groupbuy/group-buy.service';
import { ApplicationService } from './questionnaire/application.service';
import { QuestionnaireService } from './questionnaire/questionnaire.service';
import { SignupFormService } from './signup/signup-form.service';
import { SignupSubmissionService } from './signup/signup-submission.service';
import { MemberActivityService } from './health/member-activity.service';
import { CommunityStatsService } from './health/community-stats.service';
import { DormantMemberService } from './health/dormant-member.service';
import { CouponGrantService } from './coupon/coupon-grant.service';
import { releaseEntriesOfMember } from './groupbuy/group-buy-entry-release';
import type { ReleaseBannedMember } from './member/member-admin.service';
import { EconomyCapsService } from './points/economy-caps.service';
import type { FoundEconomy } from './community/community.service';
import { EntryPaymentService } from './payment/entry-payment.service';
import { EntryRefundService } from './payment/entry-refund.service';
import { PaymentOrderViews } from './payment/payment-order-views';
import type { Metrics } from './metrics/metrics';
import { PaymentReconciliationService } from './payment/payment-reconciliation.service';
import { createWeChatPayGateway } from './payment/wechat-pay.gateway';
import { createMediaStorage } from './media/create-media-storage';
import { MediaService } from './media/media.service';
import { WxaCodeService } from './wechat/wxa-code.service';
import { WeChatSecurityApi } from './wechat/wechat-security.client';
import { TextCheckService } from './content-safety/text-check.service';
import { ImageCheckService } from './content-safety/image-check.service';
import { ModerationService } from './content-safety/moderation.service';
import { ModerationTargets } from './content-safety/moderation-targets';
import { ContentTargetType } from './content-safety/content-safety.enums';
import { groupBuyNoteTarget } from './groupbuy/group-buy-note.moderation';
import { memberNicknameTarget } from './member/member-nickname.moderation';
import { GroupCodeService } from './groupcode/group-code.service';
import { GroupCodeViewService } from './groupcode/group-code-view.service';

/**
 * The app's singletons, each given what it uses (constructor parameters, built in dependency order):
 * no service reaches another through the request context. Resolvers reach them as `ctx.services`.
 */
export function createAppServices(config: AppConfig, orm: MikroORM, clock: Clock, log: Logger, rateLimits: RateLimits, metrics: Metrics | null = null) {
  const sessions = new SessionTokenService(config.session, orm);
  const outboundCallFailed = metrics ? (call: string, errcode: string) => metrics.countOutboundFailure(call, errcode) : undefined;
  const wechat = new WeChatApiClient(config.wechat, outboundCallFailed);
  const messageApi = new WeChatMessageApi(config.wechat, outboundCallFailed);
  const accessTokens = new WeChatAccessTokenService(orm, config.wechat.appId, messageApi, clock, log);
  const points = new PointsLedgerService();
  const activity = new MemberActivityService();
  const access = new MemberAccessService(clock, activity, orm);
  const notifications = new NotificationService(config.notifications, clock, access);
  // Content safety: WeChat's checks run whenever credentials are configured (not in the demo without them).
  const checksEnabled = config.wechat.secret !== '';
  const securityApi = new WeChatSecurityApi(config.wechat, outboundCallFailed);
  const textChecks = new TextCheckService(checksEnabled, securityApi, accessTokens, log);
  // Each kind of content says how it is described and hidden, in its own domain; the media domain adds MEDIA.
  const moderationTargets = new ModerationTargets()
    .register(ContentTargetType.GROUP_BUY_NOTE, groupBuyNoteTarget)
    .register(ContentTargetType.PROFILE_NICKNAME, memberNicknameTarget);
  const moderation = new ModerationService(moderationTargets, access, clock);
  const imageChecks = new ImageCheckService(checksEnabled, securityApi, accessTokens, orm, clock, log, async (em, target, checkId, at) => {
    await notifications.contentWithdrawnNotice(em, { communityId: target.communityId, userId: target.authorUserId }, checkId, at);
  });
  const mediaStorage = createMediaStorage(config.media, config.session.secret);
  const media = new MediaService(mediaStorage, access, clock, imageChecks);
  // An image WeChat's check finds risky is withdrawn everywhere (its files deleted, avatars that showed it cleared).
  imageChecks.onRisky(ContentTargetType.MEDIA, async (tx, target) => {
    await media.withdraw(tx, target.id);
  });
  const auth = new AuthService(config.wechat, wechat, sessions, clock, media, textChecks, moderation);
  const audit = new AuditService(clock);
  const economyCaps = new EconomyCapsService();
  // The tiers and the check-in rule are each checked against the caps with the other (multiplier × base): the tiers ask the rule through a function.
  const tiers = new TierService(clock, economyCaps, (ctx, communityId, highestMultiplier) => checkInRules.worstCaseWith(ctx, communityId, highestMultiplier));
  const checkInRules: CheckInRuleService = new CheckInRuleService(clock, tiers, economyCaps);
  const referralRewards = new ReferralRewardService(points);
  const invites = new InviteService(clock, access, tiers, economyCaps);
  const communityCounts = new CommunityCounts(orm);
  // A new community's default tiers and check-in rule, in its founding transaction.
  const foundEconomy: FoundEconomy = (em, communityId, at) => {
    createDefaultTiers(em, communityId, at);
    createDefaultCheckInRule(em, communityId, at);
  };
  const communities = new CommunityService(clock, access, tiers, rateLimits, invites, communityCounts, foundEconomy);
  // Membership and payment use each other (join asks for the fee; a payment admits, a refund takes out): bound here.
  const requestEntryPayment: RequestEntryPayment = (ctx, community, admission) => entryPayments.requestPayment(ctx, community, admission);
  const memberships = new MembershipService(clock, rateLimits, invites, activity, communities, requestEntryPayment);
  const wechatPay = createWeChatPayGateway(config.wechatPay, outboundCallFailed);
  const entryRefunds = new EntryRefundService(wechatPay, clock, log, audit, orm, memberships);
  const entryPayments: EntryPaymentService = new EntryPaymentService(config, wechatPay, clock, log, audit, orm, memberships, entryRefunds, (order): Promise<void> => paymentReconciliation.reconcile(order));
  const paymentReconciliation: PaymentReconciliationService = new PaymentReconciliationService(config.wechatPay, wechatPay, clock, audit, orm, entryPayments, entryRefunds);
  const questionnaires = new QuestionnaireService(clock, access, economyCaps);
  const signupSubmissions = new SignupSubmissionService(notifications, clock, access);
  // A ban gives back the member's live entries and seats in the ban's transaction (the activities depend on members, not the other way).
  const releaseBannedMember: ReleaseBannedMember = async (em, memberId, now) => {
    await releaseEntriesOfMember(em, memberId, now);
    await signupSubmissions.releaseMember(em, memberId, now);
  };
  const makeUpCheckIns = new MakeUpCheckInService(clock, access, points, checkInRules, referralRewards);
  return {
    config,
    orm,
    clock,
    log,
    /** Null unless METRICS_PORT is set. */
    metrics,
    sessions,
    rateLimits,
    auth,
    access,
    audit,
    mediaStorage,
    media,
    communities,
    communityCounts,
    memberships,
    memberAdmin: new MemberAdminService(access, clock, releaseBannedMember),
    wechatGroups: new WeChatGroupService(config.wechat, clock, memberships, auth),
    // member economy
    points,
    economyCaps,
    memberPoints: new PointsService(clock, access, points),
    pointsExpiryPolicy: new PointsExpiryPolicyService(),
    pointsExpiryForecasts: new PointsExpiryForecastService(clock, access),
    pointsExpiry: new PointsExpiryService(clock, notifications),
    tiers,
    checkInRules,
    checkIns: new CheckInService(clock, access, points, tiers, checkInRules, referralRewards, makeUpCheckIns, economyCaps),
    makeUpCheckIns,
    couponTemplates: new CouponTemplateService(clock, access),
    couponRedemption: new CouponRedemptionService(clock, access, points, tiers, orm),
    couponCounter: new CouponCounterService(clock, points),
    couponQueries: new CouponQueryService(clock, access),
    couponGrants: new CouponGrantService(clock, access),
    // community activities
    groupBuys: new GroupBuyService(notifications, clock, access),
    groupBuyEntries: new GroupBuyEntryService(clock, access, new GroupBuyJoinBatches(clock), orm, textChecks, moderation),
    signupForms: new SignupFormService(notifications, clock, access),
    signupSubmissions,
    questionnaires,
    groupCodes: new GroupCodeService(clock, media),
    groupCodeViews: new GroupCodeViewService(clock, media, notifications),
    applications: new ApplicationService(notifications, clock, access, points, questionnaires, entryRefunds, economyCaps),
    // entry thresholds
    invites,
    referralRewards,
    wechatPay,
    entryPayments,
    entryRefunds,
    paymentReconciliation,
    paymentOrderViews: new PaymentOrderViews(tiers),
    // community health
    activity,
    communityStats: new CommunityStatsService(),
    dormantMembers: new DormantMemberService(clock),
    exports: new ExportService(config.session, clock, EXPORT_SOURCES),
    // notifications
    notifications,
    accessTokens,
    notificationSender: new NotificationSender(orm, config.notifications, messageApi, accessTokens, clock, log),
    // 小程序码 for posters, whenever WeChat credentials are configured
    wxaCodes: new WxaCodeService(config.wechat.secret !== '', messageApi, accessTokens, clock),
    // content safety
    textChecks,
    imageChecks,
    moderationTargets,
    moderation,
  };
}

export type AppServices = ReturnType<typeof createAppServices>;
