import { IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { CursorConnection } from '../graphql/cursor-page';
import { AuditLog } from './audit-log.entity';

@ArgsType()
export class AuditLogArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  first!: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;

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
