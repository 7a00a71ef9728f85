import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { Community } from '../community/community.entity';
import { User } from '../user/user.entity';
import { MediaPurpose, MediaStatus } from './media.enums';

/**
 * An uploaded image, re-encoded (metadata gone) and stored twice: at most 2048 px and a 480 px thumbnail.
 * It belongs to its uploader in its community: only they may attach it to something (media.service claim).
 */
@Entity({ tableName: 'media' })
@Index({ properties: ['uploader', 'createdAt'] })
export class Media extends BaseEntity<'status' | 'withdrawnAt'> {
  @ManyToOne(() => Community)
  community!: Community;

  @ManyToOne(() => User)
  uploader!: User;

  @Property({ type: 'string', length: 16 })
  purpose!: MediaPurpose;

  /** The stored object: unguessable (24 random bytes), e.g. `c/12/<random>.jpg`; avatars under `a/`. */
  @Property({ length: 96, unique: true })
  objectKey!: string;

  @Property({ length: 96 })
  thumbnailKey!: string;

  @Property()
  width!: number;

  @Property()
  height!: number;

  /** Size of the stored (re-encoded) image in bytes. */
  @Property()
  bytes!: number;

  @Property({ type: 'string', length: 12 })
  status: MediaStatus = MediaStatus.ACTIVE;

  @Property({ type: 'datetime', length: 3, nullable: true })
  withdrawnAt?: Date | null;
}
