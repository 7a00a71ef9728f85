import { Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { Member } from '../member/member.entity';
import { CursorConnection } from '../graphql/cursor-page';

@ObjectType({ description: 'ACTIVE members silent for at least 7 / 15 / 30 days (the three wake-up steps)' })
export class DormantSummary {
  @Field(() => Int, { description: '7+ days: greet them' })
  silent7!: number;

  @Field(() => Int, { description: '15+ days: send a perk' })
  silent15!: number;

  @Field(() => Int, { description: '30+ days: consider removal' })
  silent30!: number;
}

@ObjectType()
export class DormantMember {
  @Field(() => Member)
  member!: Member;

  @Field(() => Date, { nullable: true, description: 'null when never active since joining' })
  lastActiveAt!: Date | null;

  @Field(() => Int, { description: 'Whole community-local days since the last action (or the join)' })
  silentDays!: number;
}

@ObjectType()
export class DormantMemberConnection extends CursorConnection(DormantMember, 'DormantMemberEdge') {
  @Field(() => Int)
  totalCount!: number;
}

@ArgsType()
export class DormantMembersArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => Int, { description: 'Silent at least this many days, 1..365' })
  @Min(1)
  @Max(365)
  days!: number;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(200)
  first!: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;
}
