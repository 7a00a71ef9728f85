import { Migration } from '@mikro-orm/migrations';

/** 入群费: payment_order (one open order per user and community by open_key), payment_refund (one per order), community.entry_fee_fen. */
export class Migration20261202041126 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`payment_order\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`user_id\` int unsigned not null, \`order_no\` varchar(32) not null, \`amount_fen\` int not null, \`status\` varchar(12) not null default 'OPEN', \`open_key\` varchar(40) null, \`inviter_member_id\` int null, \`prepay_id\` varchar(64) null, \`transaction_id\` varchar(32) null, \`expires_at\` datetime(3) not null, \`paid_at\` datetime(3) null, \`closed_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`payment_order\` add index \`payment_order_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`payment_order\` add index \`payment_order_user_id_index\`(\`user_id\`);`);
    this.addSql(`alter table \`payment_order\` add unique \`payment_order_order_no_unique\`(\`order_no\`);`);
    this.addSql(`alter table \`payment_order\` add unique \`payment_order_open_key_unique\`(\`open_key\`);`);
    this.addSql(`alter table \`payment_order\` add unique \`payment_order_transaction_id_unique\`(\`transaction_id\`);`);
    this.addSql(`alter table \`payment_order\` add index \`payment_order_status_created_at_index\`(\`status\`, \`created_at\`);`);
    this.addSql(`alter table \`payment_order\` add index \`payment_order_community_id_created_at_index\`(\`community_id\`, \`created_at\`);`);
    this.addSql(`create table \`payment_refund\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`order_id\` int unsigned not null, \`refund_no\` varchar(32) not null, \`amount_fen\` int not null, \`status\` varchar(12) not null default 'SUBMITTING', \`reason\` varchar(80) not null, \`requested_by_id\` int unsigned null, \`refund_id\` varchar(32) null, \`settled_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`payment_refund\` add index \`payment_refund_order_id_index\`(\`order_id\`);`);
    this.addSql(`alter table \`payment_refund\` add unique \`payment_refund_order_id_unique\`(\`order_id\`);`);
    this.addSql(`alter table \`payment_refund\` add unique \`payment_refund_refund_no_unique\`(\`refund_no\`);`);
    this.addSql(`alter table \`payment_refund\` add index \`payment_refund_requested_by_id_index\`(\`requested_by_id\`);`);
    this.addSql(`alter table \`payment_order\` add constraint \`payment_order_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`payment_order\` add constraint \`payment_order_user_id_foreign\` foreign key (\`user_id\`) references \`app_user\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`payment_refund\` add constraint \`payment_refund_order_id_foreign\` foreign key (\`order_id\`) references \`payment_order\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`payment_refund\` add constraint \`payment_refund_requested_by_id_foreign\` foreign key (\`requested_by_id\`) references \`app_user\` (\`id\`) on update cascade on delete set null;`);
    this.addSql(`alter table \`community\` add \`entry_fee_fen\` int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`payment_refund\` drop foreign key \`payment_refund_order_id_foreign\`;`);
    this.addSql(`drop table if exists \`payment_refund\`;`);
    this.addSql(`drop table if exists \`payment_order\`;`);
    this.addSql(`alter table \`community\` drop column \`entry_fee_fen\`;`);
  }
}
