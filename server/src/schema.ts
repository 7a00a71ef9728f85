import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { AuditResolver } from './audit/audit.resolver';
import { AuthResolver } from './auth/auth.resolver';
import { CheckInResolver } from './checkin/checkin.resolver';
import { InviteResolver } from './invite/invite.resolver';
import { CouponTemplateResolver } from './coupon/coupon-template.resolver';
import { CouponResolver } from './coupon/coupon.resolver';
import { PointsResolver } from './points/points.resolver';
import { EconomyCapsResolver } from './points/economy-caps.resolver';
import { PointsExpiryResolver } from './points/expiry/points-expiry.resolver';
import { PointsLiabilityResolver } from './points/expiry/points-liability.resolver';
import { TierResolver } from './tier/tier.resolver';
import { authChecker } from './auth/auth-checker';
import { validateArgs } from './graphql/validate-args';
import { CommunityResolver } from './community/community.resolver';
import { MemberResolver } from './member/member.resolver';
import { WeChatGroupResolver } from './wechat/wechat-group.resolver';
import { GroupBuyResolver } from './groupbuy/group-buy.resolver';
import { GroupBuyEntryResolver } from './groupbuy/group-buy-entry.resolver';
import { QuestionnaireResolver } from './questionnaire/questionnaire.resolver';
import { SignupFormResolver } from './signup/signup-form.resolver';
import { SignupSubmissionResolver } from './signup/signup-submission.resolver';
import { NotificationResolver } from './notification/notification.resolver';
import { CommunityHealthResolver } from './health/community-health.resolver';
import { MemberPaymentResolver, PaymentResolver } from './payment/payment.resolver';
import { ModerationResolver } from './content-safety/moderation.resolver';
import { GroupCodeResolver } from './groupcode/group-code.resolver';

export const RESOLVERS: NonEmptyArray<Function> = [
  AuthResolver,
  CommunityResolver,
  MemberResolver,
  WeChatGroupResolver,
  AuditResolver,
  // member economy
  TierResolver,
  CheckInResolver,
  InviteResolver,
  PointsResolver,
  EconomyCapsResolver,
  PointsExpiryResolver,
  PointsLiabilityResolver,
  CouponTemplateResolver,
  CouponResolver,
  // community activities
  GroupBuyResolver,
  GroupBuyEntryResolver,
  SignupFormResolver,
  SignupSubmissionResolver,
  QuestionnaireResolver,
  GroupCodeResolver,
  NotificationResolver,
  // community health
  CommunityHealthResolver,
  PaymentResolver,
  MemberPaymentResolver,
  // content safety
  ModerationResolver,
];

let cached: Promise<GraphQLSchema> | undefined;

/** Built once per process: type-graphql's metadata is global. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    validateFn: validateArgs,
  });
  return cached;
}

/** The committed schema/schema.graphql: sorted, so it changes only when the API does. */
export async function printAppSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildAppSchema()))}\n`;
}
