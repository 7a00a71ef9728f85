import { AuditLog } from './audit/audit-log.entity';
import { ExportDownload } from './export/export-download.entity';
import { CheckIn } from './checkin/checkin.entity';
import { CheckInRule } from './checkin/checkin-rule.entity';
import { Coupon } from './coupon/coupon.entity';
import { CouponTemplate } from './coupon/coupon-template.entity';
import { PointsEntry } from './points/points-entry.entity';
import { PointsLot } from './points/expiry/points-lot.entity';
import { PointsLotUse } from './points/expiry/points-lot-use.entity';
import { PointsExpiryClaim } from './points/expiry/points-expiry-claim.entity';
import { PointsExpiryProgress } from './points/expiry/points-expiry-progress.entity';
import { Tier } from './tier/tier.entity';
import { GroupBuy } from './groupbuy/group-buy.entity';
import { GroupBuyEntry } from './groupbuy/group-buy-entry.entity';
import { Application } from './questionnaire/application.entity';
import { Questionnaire } from './questionnaire/questionnaire.entity';
import { SignupForm } from './signup/signup-form.entity';
import { SignupSubmission } from './signup/signup-submission.entity';
import { Community } from './community/community.entity';
import { Member } from './member/member.entity';
import { User } from './user/user.entity';
import { MemberInvite, Referral } from './invite/invite.entity';
import { PaymentOrder } from './payment/payment-order.entity';
import { PaymentRefund } from './payment/payment-refund.entity';
import { WeChatGroup, WeChatGroupMember } from './wechat/wechat-group.entity';
import { WeChatAccessToken } from './wechat/wechat-access-token.entity';
import { NotificationMessage } from './notification/notification-message.entity';
import { SubscriptionConsent } from './notification/subscription-consent.entity';
import { MemberActivityDay } from './health/member-activity.entity';
import { Media } from './media/media.entity';
import { WxaCode } from './wechat/wxa-code.entity';
import { CommunityDayStatsRow, CommunityMemberTally, CommunityReturnDay } from './health/rollups/rollup.entities';
import { ModerationItem } from './content-safety/moderation-item.entity';
import { ContentReport } from './content-safety/content-report.entity';
import { ImageCheck } from './content-safety/image-check.entity';
import { GroupCode, GroupCodeGroup, GroupCodeViewDay } from './groupcode/group-code.entity';

/** Every table, listed once for MikroORM's discovery. */
export const ENTITIES = [
  User,
  Community,
  Member,
  WeChatGroup,
  WeChatGroupMember,
  AuditLog,
  // member economy
  Tier,
  PointsEntry,
  PointsLot,
  PointsLotUse,
  PointsExpiryClaim,
  PointsExpiryProgress,
  CheckInRule,
  CheckIn,
  CouponTemplate,
  Coupon,
  // community activities
  GroupBuy,
  GroupBuyEntry,
  SignupForm,
  SignupSubmission,
  Questionnaire,
  Application,
  ExportDownload,
  // notifications
  NotificationMessage,
  SubscriptionConsent,
  WeChatAccessToken,
  // entry thresholds
  MemberInvite,
  PaymentOrder,
  PaymentRefund,
  Referral,
  // community health
  MemberActivityDay,
  CommunityDayStatsRow,
  CommunityReturnDay,
  CommunityMemberTally,
  // media
  Media,
  WxaCode,
  // content safety
  ModerationItem,
  ContentReport,
  ImageCheck,
  // 群活码
  GroupCode,
  GroupCodeGroup,
  GroupCodeViewDay,
];
