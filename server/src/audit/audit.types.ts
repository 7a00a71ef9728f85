import { IsOptional, Length } from 'class-validator';
import { ArgsType, Field, ID, ObjectType } from 'type-graphql';
import { CommunityPageArgs, CursorConnection } from '../graphql/cursor-page';
import { AuditLog } from './audit-log.entity';

@ArgsType()
export class AuditLogArgs extends CommunityPageArgs {
  @Field(() => String, { nullable: true, description: 'Only this mutation, e.g. grantCoupon' })
  @IsOptional()
  @Length(1, 64)
  action?: string | null;

  @Field(() => ID, { nullable: true, description: "Only this operator's actions (a user id)" })
  operatorId?: string | null;

  @Field(() => String, { nullable: true, description: 'From this community-local date (YYYY-MM-DD), inclusive' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Up to this community-local date (YYYY-MM-DD), inclusive' })
  to?: string | null;
}

@ObjectType()
export class AuditLogConnection extends CursorConnection(AuditLog, 'AuditEntryEdge') {}
