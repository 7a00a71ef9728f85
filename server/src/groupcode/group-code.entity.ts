import { Entity, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Community } from '../community/community.entity';
import { Media } from '../media/media.entity';
import { User } from '../user/user.entity';

/**
 * 群活码: one permanent link (its unguessable slug) that always shows a WeChat group that still admits.
 * `exhaustedAt` is set by the view that first found no group left (conditionally, so the admins are told
 * once per exhaustion) and cleared when a QR is replaced; `exhaustions` numbers those moments.
 */
@Entity({ tableName: 'group_code' })
export class GroupCode extends BaseEntity<'exhaustedAt' | 'exhaustions'> {
  @ManyToOne(() => Community)
  community!: Community;

  /** 16 random bytes, base64url: the link is the only key. */
  @Property({ length: 24, unique: true })
  slug!: string;

  @Property({ length: 40 })
  name!: string;

  @ManyToOne(() => User)
  createdBy!: User;

  @Property({ type: 'datetime', length: 3, nullable: true })
  exhaustedAt?: Date | null;

  @Property()
  exhaustions: number = 0;
}

/**
 * One WeChat group behind a live code, shown in `position` order while its QR has not expired
 * (`qrExpiresOn`, a community-local date: the QR is shown on the days before it, never on it) and its
 * scans are below `switchAfterScans`. `scans` only grows by a conditional UPDATE (never past the threshold).
 */
@Entity({ tableName: 'group_code_group' })
@Unique({ properties: ['groupCode', 'position'] })
export class GroupCodeGroup extends BaseEntity<'scans' | 'qrReplacedAt'> {
  @ManyToOne(() => GroupCode)
  groupCode!: GroupCode;

  @Property()
  position!: number;

  @Property({ length: 40 })
  name!: string;

  @ManyToOne(() => Media)
  qrMedia!: Media;

  /** YYYY-MM-DD in the community's timezone. */
  @Property({ type: 'string', length: 10 })
  qrExpiresOn!: string;

  @Property()
  switchAfterScans!: number;

  @Property()
  scans: number = 0;

  @Property({ type: 'datetime', length: 3, nullable: true })
  qrReplacedAt?: Date | null;
}

/** Views of one group on one community-local day, upserted with each counted view. */
@Entity({ tableName: 'group_code_view_day' })
@Unique({ properties: ['group', 'day'] })
@Index({ properties: ['groupCode', 'day'] })
export class GroupCodeViewDay extends BaseEntity {
  @ManyToOne(() => GroupCode)
  groupCode!: GroupCode;

  @ManyToOne(() => GroupCodeGroup)
  group!: GroupCodeGroup;

  @Property({ type: 'string', length: 10 })
  day!: string;

  @Property()
  views!: number;
}
