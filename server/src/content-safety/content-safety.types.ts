import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';
import { NotActiveMember } from '../graphql/common-errors';
import { CommunityPageArgs, CursorConnection } from '../graphql/cursor-page';
import { defineErrorResult } from '../graphql/error-result';
import { MaxItems } from '../graphql/query-limits';
import { ContentStatus, ContentTargetType, ModerationItemStatus, ReportReason } from './content-safety.enums';

/** WeChat's msgSecCheck said `risky`: nothing was stored. Every domain that stores member text answers it. */
export const ContentRejected = defineErrorResult('ContentRejected', 'CONTENT_REJECTED', '内容含有违规信息，请修改后再提交');
export const ContentNotFound = defineErrorResult('ContentNotFound', 'CONTENT_NOT_FOUND', '内容不存在或已删除');
export const AlreadyReported = defineErrorResult('AlreadyReported', 'ALREADY_REPORTED', '你已举报过该内容，管理员处理前无需重复举报');
export const CannotReportOwnContent = defineErrorResult('CannotReportOwnContent', 'CANNOT_REPORT_OWN_CONTENT', '不能举报自己发布的内容');

@ArgsType()
export class ContentTargetArgs {
  @Field(() => ContentTargetType)
  targetType!: ContentTargetType;

  @Field(() => ID)
  targetId!: string;
}

@ArgsType()
export class ReportContentArgs extends ContentTargetArgs {
  @Field(() => ReportReason)
  reason!: ReportReason;

  @Field(() => String, { nullable: true, description: '补充说明 (at most 200 characters)' })
  @IsOptional()
  @MaxLength(200)
  detail?: string | null;
}

@ArgsType()
export class ModerateContentArgs extends ContentTargetArgs {
  @Field(() => ID)
  communityId!: string;
}

@ArgsType()
export class ModerationQueueArgs extends CommunityPageArgs {
  @Field(() => ModerationItemStatus, { defaultValue: ModerationItemStatus.OPEN, description: 'OPEN: waiting for an admin; RESOLVED: decided (restore from here)' })
  status!: ModerationItemStatus;
}

@ObjectType()
export class ContentReported {
  @Field(() => ContentTargetType)
  targetType!: ContentTargetType;

  @Field(() => ID)
  targetId!: string;
}

@ObjectType()
export class ContentModerated {
  @Field(() => ContentTargetType)
  targetType!: ContentTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field(() => ContentStatus)
  contentStatus!: ContentStatus;
}

@ObjectType()
export class ReportReasonCount {
  @Field(() => ReportReason)
  reason!: ReportReason;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: '内容审核: one piece of content that was reported or is waiting for review' })
export class ModerationItemView {
  @Field(() => ID)
  id!: string;

  @Field(() => ContentTargetType)
  targetType!: ContentTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field(() => ModerationItemStatus)
  status!: ModerationItemStatus;

  @Field(() => ContentStatus, { description: 'Who sees the content now' })
  contentStatus!: ContentStatus;

  @Field(() => String, { nullable: true, description: 'The content as it is now (null: it was deleted)' })
  excerpt!: string | null;

  @Field({ description: "WeChat's check asked for a human (or did not answer)" })
  inReview!: boolean;

  @Field(() => Int, { description: 'Reports waiting for a decision (OPEN), or all its reports (RESOLVED)' })
  reportCount!: number;

  @Field(() => [ReportReasonCount])
  @MaxItems(Object.keys(ReportReason).length)
  reasons!: ReportReasonCount[];

  @Field(() => String, { nullable: true, description: 'HIDDEN or VISIBLE: what the last admin decided' })
  decision!: string | null;

  @Field()
  updatedAt!: Date;

  /** The author's member row, for `author` (null when the content is gone). */
  authorMemberId!: number | null;
}

@ObjectType()
export class ModerationQueueConnection extends CursorConnection(ModerationItemView, 'ModerationItemEdge') {}

export const ReportContentResult = createUnionType({
  name: 'ReportContentResult',
  types: () => [ContentReported, AlreadyReported, CannotReportOwnContent, ContentNotFound, NotActiveMember] as const,
});

export const ModerateContentResult = createUnionType({
  name: 'ModerateContentResult',
  types: () => [ContentModerated, ContentNotFound] as const,
});
