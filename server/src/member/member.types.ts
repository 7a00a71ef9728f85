import { InviteInvalid, InviteRequired } from '../invite/invite.types';
import { IsEnum, IsOptional } from 'class-validator';
import { ArgsType, createUnionType, Field, ID, ObjectType } from 'type-graphql';
import { defineErrorResult } from '../graphql/error-result';
import { Community } from '../community/community.entity';
import { CommunityClosed, CommunityNotFound } from '../community/community.types';
import { PaymentRequired, PaymentUnavailable } from '../payment/payment.types';
import { ChooseGroupCommunity, InvalidGroupData, GroupNotBound } from '../wechat/wechat-group.types';
import { Member } from './member.entity';
import { MemberRole, MemberStatus } from './member.enums';

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
export class MembersArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => MemberStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MemberStatus)
  status?: MemberStatus;
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
