import { IsEnum, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { defineErrorResult } from '../graphql/error-result';
import { MemberProfile } from '../member/member-profile';
import { CommunityCategory, JoinPolicy } from './community.enums';

@InputType()
export class CreateCommunityInput {
  @Field()
  @Length(2, 30, { message: '社群名称需要 2 到 30 个字' })
  name!: string;

  @Field(() => CommunityCategory)
  @IsEnum(CommunityCategory)
  category!: CommunityCategory;

  @Field(() => JoinPolicy)
  @IsEnum(JoinPolicy)
  joinPolicy!: JoinPolicy;

  @Field(() => String, { nullable: true, description: 'Announcement and rules' })
  @IsOptional()
  @MaxLength(2000, { message: '社群公告最多 2000 个字' })
  description?: string;
}

@ArgsType()
export class JoinCodeArgs {
  @Field()
  @Length(1, 32)
  joinCode!: string;
}

@ArgsType()
export class CommunityIdArgs {
  @Field(() => ID)
  communityId!: string;
}

/** A community's list that is short in practice (its sign-up forms, its bound chats), bounded all the same. */
@ArgsType()
export class CommunityListArgs extends CommunityIdArgs {
  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(100)
  first!: number;
}

/** What a visitor sees of a community before joining it. */
@ObjectType()
export class CommunityPreview {
  @Field(() => ID)
  id!: number;

  @Field()
  name!: string;

  @Field(() => CommunityCategory)
  category!: CommunityCategory;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => JoinPolicy)
  joinPolicy!: JoinPolicy;

  @Field(() => Int)
  memberCount!: number;

  @Field(() => Int, { description: '入群费 in fen (0 = free)' })
  entryFeeFen!: number;

  @Field(() => MemberProfile, { nullable: true, description: "A personal invite's inviter (null for the public join code)" })
  invitedBy?: MemberProfile | null;

  @Field(() => Boolean, { nullable: true, description: 'For a personal invite: whether it still admits (its inviter is active); null for the public join code' })
  inviteValid?: boolean | null;
}

@ArgsType()
export class SetJoinPolicyArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => JoinPolicy)
  @IsEnum(JoinPolicy)
  joinPolicy!: JoinPolicy;
}

export const CommunityNotFound = defineErrorResult('CommunityNotFound', 'COMMUNITY_NOT_FOUND', '没有找到这个社群，请确认链接或邀请码');
export const CommunityClosed = defineErrorResult('CommunityClosed', 'COMMUNITY_CLOSED', '这个社群暂停加入了');
