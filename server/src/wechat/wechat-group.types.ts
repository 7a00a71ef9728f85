import { Length } from 'class-validator';
import { ArgsType, createUnionType, Field, ID, Int, ObjectType } from 'type-graphql';
import { defineErrorResult } from '../graphql/error-result';
import { Community } from '../community/community.entity';
import { MaxItems } from '../graphql/query-limits';

/** A member entering from a chat that many communities bound chooses among the first this many (most of this chat's members first). */
export const MAX_GROUP_CHOICES = 20;

export const InvalidGroupData = defineErrorResult('InvalidGroupData', 'INVALID_GROUP_DATA', '群信息无效，请从群聊中的小程序卡片重新进入');
export const GroupNotBound = defineErrorResult('GroupNotBound', 'GROUP_NOT_BOUND', '这个群还没有开通群友，请联系群主在群里绑定');

/** wx.getGroupEnterInfo's encryptedData and iv, as the client received them. */
@ArgsType()
export class GroupDataArgs {
  @Field()
  @Length(1, 8192)
  encryptedData!: string;

  @Field()
  @Length(1, 64)
  iv!: string;
}

@ArgsType()
export class EnterFromGroupArgs extends GroupDataArgs {
  @Field(() => ID, { nullable: true, description: 'The community chosen from ChooseGroupCommunity when several are bound to the chat' })
  communityId?: string | null;
}

@ArgsType()
export class BindWeChatGroupArgs extends GroupDataArgs {
  @Field(() => ID)
  communityId!: string;
}

@ArgsType()
export class UnbindWeChatGroupArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => ID)
  groupId!: string;
}

@ObjectType()
export class WeChatGroupBound {
  @Field(() => Community)
  community!: Community;

  @Field({ description: 'True when this chat was already bound to this community' })
  alreadyBound!: boolean;

  @Field(() => Int, { description: 'Other communities bound to the same chat: its members choose among them' })
  otherCommunities!: number;
}

export const BindWeChatGroupResult = createUnionType({
  name: 'BindWeChatGroupResult',
  types: () => [WeChatGroupBound, InvalidGroupData] as const,
});

/** One community bound to the chat a member entered from, with what the member needs to tell them apart. */
@ObjectType()
export class GroupCommunityChoice {
  @Field(() => ID)
  communityId!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: "The owner's (群主) nickname" })
  ownerNickname!: string | null;

  @Field(() => Int, { description: 'Members of this chat who entered this community from it' })
  membersFromThisChat!: number;

  @Field(() => Int, { description: 'Active members in all' })
  memberCount!: number;

  @Field(() => Date)
  boundAt!: Date;
}

@ObjectType({ description: 'Several communities are bound to this chat: enter again with the chosen communityId' })
export class ChooseGroupCommunity {
  @Field(() => [GroupCommunityChoice], { description: 'Most members of this chat first' })
  @MaxItems(MAX_GROUP_CHOICES)
  choices!: GroupCommunityChoice[];
}

/** A chat bound to the community, for its admins. */
@ObjectType()
export class BoundWeChatGroup {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  boundAt!: Date;

  @Field(() => String, { nullable: true })
  boundByNickname!: string | null;

  @Field(() => Int)
  membersFromThisChat!: number;

  @Field(() => Int, { description: 'Other communities bound to the same chat' })
  otherCommunities!: number;
}

@ObjectType()
export class WeChatGroupUnbound {
  @Field(() => ID)
  groupId!: string;
}

export const UnbindWeChatGroupResult = createUnionType({
  name: 'UnbindWeChatGroupResult',
  types: () => [WeChatGroupUnbound, GroupNotBound] as const,
});
