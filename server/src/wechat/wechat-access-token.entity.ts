import { Entity, Property } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';

/**
 * The app's access token, shared by every server process. Whoever finds it missing or expired
 * takes `refreshLeaseUntil` by a conditional UPDATE and alone calls /cgi-bin/stable_token; the
 * others wait for the row to change. `rejectedToken` is the one WeChat answered 40001/42001
 * for: if stable_token hands it back again, the next call forces a refresh.
 */
@Entity({ tableName: 'wechat_access_token' })
export class WeChatAccessToken extends BaseEntity<'token' | 'expiresAt' | 'refreshLeaseUntil' | 'rejectedToken' | 'updatedAt'> {
  @Property({ type: 'string', length: 64, unique: true })
  appId!: string;

  @Property({ type: 'string', length: 600, nullable: true, hidden: true })
  token?: string | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  expiresAt?: Date | null;

  @Property({ type: 'datetime', length: 3, nullable: true })
  refreshLeaseUntil?: Date | null;

  @Property({ type: 'string', length: 600, nullable: true, hidden: true })
  rejectedToken?: string | null;

  @Property({ type: 'datetime', length: 3 })
  updatedAt: Date = new Date();
}
