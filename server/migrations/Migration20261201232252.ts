import { Migration } from '@mikro-orm/migrations';

/** Community health: one row per member per active day, and the range indexes the stats read. */
export class Migration20261201232252 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`member_activity_day\` (\`member_id\` int unsigned not null, \`day\` varchar(10) not null, \`community_id\` int not null, primary key (\`member_id\`, \`day\`)) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`member_activity_day\` add index \`member_activity_day_community_id_day_index\`(\`community_id\`, \`day\`);`);
    this.addSql(`alter table \`member\` add index \`member_community_id_joined_at_index\`(\`community_id\`, \`joined_at\`);`);
    this.addSql(`alter table \`signup_submission\` add index \`signup_submission_community_id_created_at_index\`(\`community_id\`, \`created_at\`);`);
    this.addSql(`alter table \`points_entry\` add index \`points_entry_community_id_created_at_type_amount_index\`(\`community_id\`, \`created_at\`, \`type\`, \`amount\`);`);
    this.addSql(`alter table \`group_buy_entry\` add index \`group_buy_entry_community_id_created_at_index\`(\`community_id\`, \`created_at\`);`);
    this.addSql(`alter table \`coupon\` add index \`coupon_community_id_used_at_status_index\`(\`community_id\`, \`used_at\`, \`status\`);`);
    this.addSql(`alter table \`coupon\` add index \`coupon_community_id_redeemed_at_index\`(\`community_id\`, \`redeemed_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`member_activity_day\`;`);
    this.addSql(`alter table \`points_entry\` drop index \`points_entry_community_id_created_at_type_amount_index\`;`);
    this.addSql(`alter table \`member\` drop index \`member_community_id_joined_at_index\`;`);
    this.addSql(`alter table \`signup_submission\` drop index \`signup_submission_community_id_created_at_index\`;`);
    this.addSql(`alter table \`coupon\` drop index \`coupon_community_id_used_at_status_index\`;`);
    this.addSql(`alter table \`coupon\` drop index \`coupon_community_id_redeemed_at_index\`;`);
    this.addSql(`alter table \`group_buy_entry\` drop index \`group_buy_entry_community_id_created_at_index\`;`);
  }
}
