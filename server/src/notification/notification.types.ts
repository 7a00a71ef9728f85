import { ArrayMaxSize, IsIn, Length, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CursorConnection } from '../graphql/cursor-page';
import { NotificationMessage } from './notification-message.entity';
import { NotificationKind } from './notification.enums';

/** What wx.requestSubscribeMessage answers per template id. */
export const CONSENT_STATUSES = ['accept', 'reject', 'ban', 'filter'] as const;

@ObjectType({ description: 'A kind with its configured one-time template; pass the ids to wx.requestSubscribeMessage' })
export class SubscriptionTemplate {
  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field()
  templateId!: string;
}

@InputType()
export class SubscriptionConsentInput {
  @Field()
  @Length(1, 64)
  templateId!: string;

  @Field({ description: 'accept, reject, ban or filter, exactly as WeChat answered' })
  @IsIn(CONSENT_STATUSES as unknown as string[], { message: '订阅结果只能是 accept、reject、ban 或 filter' })
  status!: string;
}

@ArgsType()
export class RecordSubscriptionConsentArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => [SubscriptionConsentInput])
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  results!: SubscriptionConsentInput[];
}

@ObjectType({ description: 'How many messages of a template the caller has allowed and not yet received' })
export class SubscriptionConsentState {
  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field()
  templateId!: string;

  @Field(() => Int)
  remaining!: number;
}

@ArgsType()
export class MyMessagesArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(50)
  first!: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;
}

@ObjectType()
export class InboxConnection extends CursorConnection(NotificationMessage, 'InboxMessageEdge') {
  @Field(() => Int)
  unreadCount!: number;
}

@ArgsType()
export class MarkMessagesReadArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => [ID], { nullable: true, description: 'Only these; all of the community when omitted' })
  @ArrayMaxSize(100)
  messageIds?: string[] | null;
}

@ObjectType()
export class MessagesMarkedRead {
  @Field(() => Int)
  marked!: number;

  @Field(() => Int)
  unreadCount!: number;
}

@ObjectType({ description: "Admin: what became of the community's messages" })
export class NotificationStats {
  @Field(() => Int, { description: 'Accepted by WeChat' })
  sent!: number;

  @Field(() => Int, { description: 'Not sent: the member had no subscription left (inbox only)' })
  skippedNoConsent!: number;

  @Field(() => Int, { description: 'Refused by WeChat or out of retries' })
  failed!: number;

  @Field(() => Int, { description: 'Waiting to be sent or being retried' })
  pending!: number;

  @Field(() => Int, { description: 'Kinds without a configured template: inbox only' })
  inboxOnly!: number;
}
