import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';

/**
 * A mini-program code (小程序码) WeChat drew for a page and scene (wxa/getwxacodeunlimit), kept for every
 * process: WeChat's unlimited codes never expire, and each call counts against the app's daily quota.
 */
@Entity({ tableName: 'wxa_code' })
@Unique({ properties: ['page', 'scene'] })
export class WxaCode extends BaseEntity {
  @Property({ length: 64 })
  page!: string;

  /** At most 32 visible characters (WeChat's limit), e.g. `c=<invite code>`. */
  @Property({ length: 32 })
  scene!: string;

  /** The PNG as WeChat sent it (a 430 px code is 20–60 KB). */
  @Property({ type: 'blob', columnType: 'mediumblob', lazy: false })
  png!: Buffer;
}
