import { Migration } from '@mikro-orm/migrations';

/**
 * 积分有效期: the community's policy (points_expiry_mode, points_expiry_months), the members' lots
 * (what each expiry date has left), what each redemption took from which lot, the once-only expiry
 * claims, and how far the job has gone per community.
 */
export class Migration20261208100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`community\` add \`points_expiry_mode\` varchar(8) not null default 'NONE', add \`points_expiry_months\` int null;`);
    this.addSql(
      `create table \`points_lot\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int not null, \`member_id\` int not null, \`expires_on\` date not null, \`amount\` int not null, \`remaining\` int not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`points_lot\` add unique \`points_lot_member_id_expires_on_unique\`(\`member_id\`, \`expires_on\`);`);
    this.addSql(`alter table \`points_lot\` add index \`points_lot_member_id_remaining_index\`(\`member_id\`, \`remaining\`);`);
    this.addSql(`alter table \`points_lot\` add index \`points_lot_community_id_expires_on_member_id_remaining_index\`(\`community_id\`, \`expires_on\`, \`member_id\`, \`remaining\`);`);
    this.addSql(
      `create table \`points_lot_use\` (\`member_id\` int unsigned not null, \`spend_key\` varchar(80) not null, \`lot_id\` int unsigned not null, \`amount\` int not null, primary key (\`member_id\`, \`spend_key\`, \`lot_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `create table \`points_expiry_claim\` (\`member_id\` int unsigned not null, \`expires_on\` date not null, \`community_id\` int not null, \`amount\` int not null, \`run_id\` varchar(36) not null, \`created_at\` datetime(3) not null, primary key (\`member_id\`, \`expires_on\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`points_expiry_claim\` add index \`points_expiry_claim_run_id_index\`(\`run_id\`);`);
    this.addSql(
      `create table \`points_expiry_progress\` (\`community_id\` int unsigned not null, \`task\` varchar(8) not null, \`done_through\` date not null, primary key (\`community_id\`, \`task\`)) default character set utf8mb4 engine = InnoDB;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists `points_expiry_progress`;');
    this.addSql('drop table if exists `points_expiry_claim`;');
    this.addSql('drop table if exists `points_lot_use`;');
    this.addSql('drop table if exists `points_lot`;');
    this.addSql('alter table `community` drop column `points_expiry_mode`, drop column `points_expiry_months`;');
  }
}
