import { Migration } from '@mikro-orm/migrations';
import type { EntityManager } from '@mikro-orm/knex';
import { rebuildAllRollups } from '../src/health/rollups/rollup-backfill';

/**
 * The dashboard's daily rollups (health/rollups/): community_day_stats (per community, local day and
 * shard), community_return_day (members active on a day, by their previous active day) and
 * community_member_tally; filled from the existing rows by the definitions the dashboard computed
 * them with until now, so its numbers do not move.
 */
export class Migration20261208110000 extends Migration {
  override async up(): Promise<void> {
    await this.execute(`create table \`community_day_stats\` (\`community_id\` int unsigned not null, \`day\` varchar(10) not null, \`shard\` smallint unsigned not null, \`check_ins\` int not null default 0, \`active_members\` int not null default 0, \`new_members\` int not null default 0, \`left_members\` int not null default 0, \`retained7\` int not null default 0, \`points_issued\` bigint not null default 0, \`points_spent\` bigint not null default 0, \`coupons_issued\` int not null default 0, \`coupons_used\` int not null default 0, primary key (\`community_id\`, \`day\`, \`shard\`)) default character set utf8mb4 engine = InnoDB;`);
    await this.execute(`create table \`community_member_tally\` (\`community_id\` int unsigned not null, \`shard\` smallint unsigned not null, \`members\` int not null default 0, primary key (\`community_id\`, \`shard\`)) default character set utf8mb4 engine = InnoDB;`);
    await this.execute(`create table \`community_return_day\` (\`community_id\` int unsigned not null, \`day\` varchar(10) not null, \`since\` varchar(10) not null, \`members\` int not null default 0, primary key (\`community_id\`, \`day\`, \`since\`)) default character set utf8mb4 engine = InnoDB;`);
    await rebuildAllRollups(this.getEntityManager() as EntityManager);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `community_day_stats`;');
    this.addSql('drop table if exists `community_member_tally`;');
    this.addSql('drop table if exists `community_return_day`;');
  }
}
