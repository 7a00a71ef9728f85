import { Migration } from '@mikro-orm/migrations';

/** 暂停发放: community.coupon_issuing_paused_at / coupon_issuing_pause_reason (null: coupons are issued). */
export class Migration20261207190000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`community\` add \`coupon_issuing_paused_at\` datetime(3) null, add \`coupon_issuing_pause_reason\` varchar(60) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`community\` drop column \`coupon_issuing_paused_at\`, drop column \`coupon_issuing_pause_reason\`;`);
  }
}
