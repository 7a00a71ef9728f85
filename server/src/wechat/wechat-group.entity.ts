import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../common/base.entity';
import { Community } from '../community/community.entity';
import { User } from '../user/user.entity';

/** 群聊: a WeChat chat bound to a community by its opengid (one community per chat). */
@Entity({ tableName: 'wechat_group' })
export class WeChatGroup extends BaseEntity {
  @ManyToOne(() => Community)
  community!: Community;

  @Property({ length: 64, unique: true })
  openGid!: string;

  @ManyToOne(() => User)
  boundBy!: User;
}
