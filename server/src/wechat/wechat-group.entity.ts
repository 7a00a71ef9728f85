import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Community } from '../community/community.entity';
import { Member } from '../member/member.entity';
import { User } from '../user/user.entity';

/**
 * 群聊: a WeChat chat bound to a community by its opengid. A chat may be bound by several communities
 * (so nobody can squat a chat by binding it first); a member who enters from it chooses among them.
 */
@Entity({ tableName: 'wechat_group' })
@Unique({ properties: ['openGid', 'community'] })
export class WeChatGroup extends BaseEntity {
  @ManyToOne(() => Community)
  community!: Community;

  @Property({ length: 64, index: true })
  openGid!: string;

  @ManyToOne(() => User)
  boundBy!: User;
}

/** A member who entered the community from this chat's card: how many of a chat's members chose a community. */
@Entity({ tableName: 'wechat_group_member' })
@Unique({ properties: ['group', 'member'] })
export class WeChatGroupMember extends BaseEntity {
  @ManyToOne(() => WeChatGroup, { deleteRule: 'cascade' })
  group!: WeChatGroup;

  @ManyToOne(() => Member, { deleteRule: 'cascade' })
  member!: Member;
}
