import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';
import { ReportReason } from './content-safety.enums';

/** While a report waits for a decision; NULL once decided (NULLs never collide in a unique key). */
export const OPEN_REPORT = 1;

/** 举报: one open report per member and queue item (the unique key decides it). */
@Entity({ tableName: 'content_report' })
@Unique({ properties: ['itemId', 'reporterMemberId', 'openKey'] })
@Index({ properties: ['itemId', 'reason'] })
export class ContentReport extends BaseEntity<'detail' | 'openKey'> {
  @Property()
  itemId!: number;

  @Property()
  reporterMemberId!: number;

  @Property({ type: 'string', length: 12 })
  reason!: ReportReason;

  @Property({ type: 'string', length: 200, nullable: true })
  detail?: string | null;

  @Property({ type: 'tinyint', nullable: true, default: OPEN_REPORT })
  openKey?: number | null = OPEN_REPORT;
}
