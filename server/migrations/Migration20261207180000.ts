import { Migration } from '@mikro-orm/migrations';

/**
 * Integrity II.
 * - coupon.title / face_value_fen / min_spend_fen: a coupon keeps what it was issued as; existing coupons
 *   are back-filled from their template as it is now (the best record there is of what they were bought as).
 * - coupon.granted_by_id: the admin who granted a coupon (its face value counts against their daily
 *   adjustment cap); request_id widened for grants' `grant/<operator>/<requestId>` keys.
 * - community.max_points_per_action / max_rule_points_per_member_day: the OWNER's economy caps.
 * - member.rule_points_on / rule_points_that_day: what a member earned from rules on a local day.
 * - app_user.avatar_url: avatars from hosts other than WeChat's avatar CDN are forgotten (user/avatar-hosts.ts):
 *   every member seeing a list would have loaded them.
 */
export class Migration20261207180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`community\` add \`max_points_per_action\` int not null default 1000, add \`max_rule_points_per_member_day\` int not null default 2000;`);
    this.addSql(`alter table \`member\` add \`rule_points_on\` varchar(10) null, add \`rule_points_that_day\` int not null default 0;`);
    this.addSql(`alter table \`coupon\` add \`title\` varchar(40) not null default '', add \`face_value_fen\` int not null default 0, add \`min_spend_fen\` int not null default 0, add \`granted_by_id\` int unsigned null;`);
    this.addSql(`update \`coupon\` c join \`coupon_template\` t on t.id = c.template_id set c.title = t.title, c.face_value_fen = t.face_value_fen, c.min_spend_fen = t.min_spend_fen;`);
    this.addSql(`alter table \`coupon\` alter \`title\` drop default, alter \`face_value_fen\` drop default, alter \`min_spend_fen\` drop default;`);
    this.addSql(`alter table \`coupon\` modify \`request_id\` varchar(80) not null;`);
    this.addSql(`alter table \`coupon\` add constraint \`coupon_granted_by_id_foreign\` foreign key (\`granted_by_id\`) references \`app_user\` (\`id\`) on update cascade on delete set null;`);
    this.addSql(`alter table \`coupon\` add index \`coupon_granted_by_id_index\`(\`granted_by_id\`);`);
    this.addSql(`update \`app_user\` set avatar_url = null where avatar_url is not null and avatar_url not like 'https://thirdwx.qlogo.cn/%' and avatar_url not like 'https://wx.qlogo.cn/%';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`coupon\` drop foreign key \`coupon_granted_by_id_foreign\`;`);
    this.addSql(`alter table \`coupon\` drop index \`coupon_granted_by_id_index\`;`);
    this.addSql(`alter table \`coupon\` drop column \`title\`, drop column \`face_value_fen\`, drop column \`min_spend_fen\`, drop column \`granted_by_id\`;`);
    this.addSql(`alter table \`coupon\` modify \`request_id\` varchar(64) not null;`);
    this.addSql(`alter table \`member\` drop column \`rule_points_on\`, drop column \`rule_points_that_day\`;`);
    this.addSql(`alter table \`community\` drop column \`max_points_per_action\`, drop column \`max_rule_points_per_member_day\`;`);
  }
}
