import { Entity, Property } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity';

/** One row per export link that was used: a link downloads once (its id is unique), then answers 410. */
@Entity({ tableName: 'export_download' })
export class ExportDownload extends BaseEntity {
  @Property({ length: 32, unique: true })
  linkId!: string;

  @Property()
  userId!: number;
}
