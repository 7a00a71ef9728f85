import { InviteInvalid, InviteRequired } from '../invite/invite.types';
import { IsEnum, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';
import { CommunityPageArgs, CursorConnection } from '../graphql/cursor-page';
import { defineErrorResult } from '../graphql/error-result';
import { Community } from '../community/community.entity';
import { CommunityClosed, CommunityNotFound } from '../community/community.types';
import { PaymentRequired, PaymentUnavailable } from '../payment/payment.types';
import { ChooseGroupCommunity, InvalidGroupData, GroupNotBound } from '../wechat/wechat-group.types';
import { MAX_TIERS } from '../tier/tier.types';
import { MAX_TAG_LENGTH } from '../questionnaire/questionnaire.types';
import { Member } from './member.entity';
import { MemberRole, MemberStatus } from './member.enums';

/** A nickname search is no longer than a nickname. */
const MAX_NICKNAME_SEARCH = 32;

export const MemberBanned = defineErrorResult('MemberBanned', 'MEMBER_BANNED', '你已被该社群拉黑，无法加入');
export const MemberNotFound = defineErrorResult('MemberNotFound', 'MEMBER_NOT_FOUND', '没有找到这位成员');
export const RoleNotAllowed = defineErrorResult('RoleNotAllowed', 'ROLE_NOT_ALLOWED', '只能管理角色低于你的成员');

@ObjectType()
export class JoinedCommunity {
  @Field(() => Member)
  member!: Member;

  @Field(() => Community)
  community!: Community;

  @Field({ description: 'True when the caller was already in (an active member or an applicant)' })
  alreadyMember!: boolean;
}

export const JoinCommunityResult = createUnionType({
  name: 'JoinCommunityResult',
  types: () => [JoinedCommunity, PaymentRequired, PaymentUnavailable, CommunityNotFound, CommunityClosed, InviteRequired, InviteInvalid, MemberBanned, InvalidGroupData, GroupNotBound, ChooseGroupCommunity] as const,
});

@ObjectType()
export class MemberUpdated {
  @Field(() => Member)
  member!: Member;
}

export const MemberActionResult = createUnionType({
  name: 'MemberActionResult',
  types: () => [MemberUpdated, MemberNotFound, RoleNotAllowed] as const,
});

@ArgsType()
export class MyMembershipsArgs {
  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(100)
  first!: number;
}

@ArgsType()
export class MembersArgs extends CommunityPageArgs {
  @Field(() => String, { nullable: true, description: 'Part of the nickname (as typed: % and _ are plain characters)' })
  @IsOptional()
  @MaxLength(MAX_NICKNAME_SEARCH, { message: `搜索词最多 ${MAX_NICKNAME_SEARCH} 个字` })
  search?: string | null;

  @Field(() => MemberStatus, { nullable: true, description: 'Only this status; without it everyone but REMOVED' })
  @IsOptional()
  @IsEnum(MemberStatus)
  status?: MemberStatus | null;

  @Field(() => MemberRole, { nullable: true })
  @IsOptional()
  @IsEnum(MemberRole)
  role?: MemberRole | null;

  @Field(() => Int, { nullable: true, description: 'Only members of the tier of this level' })
  @IsOptional()
  @Min(0)
  @Max(MAX_TIERS - 1)
  tierLevel?: number | null;

  @Field(() => String, { nullable: true, description: 'Only members with this questionnaire tag' })
  @IsOptional()
  @Length(1, MAX_TAG_LENGTH, { message: `标签需要 1 到 ${MAX_TAG_LENGTH} 个字` })
  tag?: string | null;
}

@ObjectType()
export class MemberConnection extends CursorConnection(Member, 'MemberEdge') {
  @Field(() => Int, { description: 'Members that match the filters, on every page' })
  totalCount!: number;
}

@ArgsType()
export class MemberTargetArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => ID)
  memberId!: string;
}

@ArgsType()
export class SetMemberRoleArgs extends MemberTargetArgs {
  @Field(() => MemberRole)
  @IsEnum(MemberRole)
  role!: MemberRole;
}
