import { Length } from 'class-validator';
import { ArgsType, createUnionType, Field, ID, ObjectType } from 'type-graphql';
import { defineErrorResult } from '../common/error-result';
import { Community } from '../community/community.entity';

export const InvalidGroupData = defineErrorResult('InvalidGroupData', 'INVALID_GROUP_DATA', '群信息无效，请从群聊中的小程序卡片重新进入');
export const GroupNotBound = defineErrorResult('GroupNotBound', 'GROUP_NOT_BOUND', '这个群还没有开通群友，请联系群主在群里绑定');
export const GroupBoundElsewhere = defineErrorResult('GroupBoundElsewhere', 'GROUP_BOUND_ELSEWHERE', '这个群已经绑定了其他社群');

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
export class BindWeChatGroupArgs extends GroupDataArgs {
  @Field(() => ID)
  communityId!: string;
}

@ObjectType()
export class WeChatGroupBound {
  @Field(() => Community)
  community!: Community;

  @Field({ description: 'True when this chat was already bound to this community' })
  alreadyBound!: boolean;
}

export const BindWeChatGroupResult = createUnionType({
  name: 'BindWeChatGroupResult',
  types: () => [WeChatGroupBound, InvalidGroupData, GroupBoundElsewhere] as const,
});
