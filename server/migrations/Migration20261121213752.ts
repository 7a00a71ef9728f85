import { Migration } from '@mikro-orm/migrations';

export class Migration20261121213752 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`checkin_rule\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`base_points\` int not null, \`cycle_days\` int not null, \`bonuses\` json not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`checkin_rule\` add unique \`checkin_rule_community_id_unique\`(\`community_id\`);`);

    this.addSql(`create table \`coupon_template\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`title\` varchar(40) not null, \`description\` varchar(500) null, \`face_value_fen\` int not null, \`min_spend_fen\` int not null, \`valid_days\` int not null, \`stock\` int null, \`issued_count\` int not null default 0, \`per_member_limit\` int null, \`min_tier_level\` int not null default 0, \`active\` tinyint(1) not null default true, \`starts_at\` datetime(3) null, \`ends_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`coupon_template\` add index \`coupon_template_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`coupon_template\` add index \`coupon_template_community_id_active_index\`(\`community_id\`, \`active\`);`);

    this.addSql(`create table \`member_tier\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`level\` int not null, \`name\` varchar(16) not null, \`threshold\` int not null, \`multiplier_percent\` int not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`member_tier\` add index \`member_tier_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`member_tier\` add unique \`member_tier_community_id_level_unique\`(\`community_id\`, \`level\`);`);

    this.addSql(`create table \`points_entry\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`member_id\` int unsigned not null, \`amount\` int not null, \`balance_after\` int not null, \`type\` varchar(24) not null, \`reference\` varchar(64) null, \`note\` varchar(200) null, \`operator_id\` int unsigned null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`points_entry\` add index \`points_entry_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`points_entry\` add index \`points_entry_member_id_index\`(\`member_id\`);`);
    this.addSql(`alter table \`points_entry\` add index \`points_entry_operator_id_index\`(\`operator_id\`);`);
    this.addSql(`alter table \`points_entry\` add index \`points_entry_member_id_id_index\`(\`member_id\`, \`id\`);`);

    this.addSql(`create table \`checkin\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`member_id\` int unsigned not null, \`day\` varchar(10) not null, \`streak\` int not null, \`points_awarded\` int not null, \`bonus_points\` int not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`checkin\` add index \`checkin_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`checkin\` add index \`checkin_member_id_index\`(\`member_id\`);`);
    this.addSql(`alter table \`checkin\` add index \`checkin_community_id_day_index\`(\`community_id\`, \`day\`);`);
    this.addSql(`alter table \`checkin\` add unique \`checkin_member_id_day_unique\`(\`member_id\`, \`day\`);`);

    this.addSql(`create table \`coupon\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`template_id\` int unsigned not null, \`member_id\` int unsigned not null, \`code\` varchar(20) not null, \`status\` varchar(10) not null, \`request_id\` varchar(64) not null, \`points_cost\` int not null, \`redeemed_at\` datetime(3) not null, \`expires_at\` datetime(3) not null, \`used_at\` datetime(3) null, \`used_by_id\` int unsigned null, \`voided_at\` datetime(3) null, \`voided_by_id\` int unsigned null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`coupon\` add index \`coupon_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`coupon\` add index \`coupon_template_id_index\`(\`template_id\`);`);
    this.addSql(`alter table \`coupon\` add index \`coupon_member_id_index\`(\`member_id\`);`);
    this.addSql(`alter table \`coupon\` add unique \`coupon_code_unique\`(\`code\`);`);
    this.addSql(`alter table \`coupon\` add index \`coupon_used_by_id_index\`(\`used_by_id\`);`);
    this.addSql(`alter table \`coupon\` add index \`coupon_voided_by_id_index\`(\`voided_by_id\`);`);
    this.addSql(`alter table \`coupon\` add index \`coupon_status_expires_at_index\`(\`status\`, \`expires_at\`);`);
    this.addSql(`alter table \`coupon\` add index \`coupon_member_id_template_id_index\`(\`member_id\`, \`template_id\`);`);
    this.addSql(`alter table \`coupon\` add unique \`coupon_member_id_request_id_unique\`(\`member_id\`, \`request_id\`);`);

    this.addSql(`alter table \`checkin_rule\` add constraint \`checkin_rule_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`coupon_template\` add constraint \`coupon_template_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`member_tier\` add constraint \`member_tier_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`points_entry\` add constraint \`points_entry_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`points_entry\` add constraint \`points_entry_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`points_entry\` add constraint \`points_entry_operator_id_foreign\` foreign key (\`operator_id\`) references \`app_user\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`checkin\` add constraint \`checkin_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`checkin\` add constraint \`checkin_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`coupon\` add constraint \`coupon_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`coupon\` add constraint \`coupon_template_id_foreign\` foreign key (\`template_id\`) references \`coupon_template\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`coupon\` add constraint \`coupon_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`coupon\` add constraint \`coupon_used_by_id_foreign\` foreign key (\`used_by_id\`) references \`app_user\` (\`id\`) on update cascade on delete set null;`);
    this.addSql(`alter table \`coupon\` add constraint \`coupon_voided_by_id_foreign\` foreign key (\`voided_by_id\`) references \`app_user\` (\`id\`) on update cascade on delete set null;`);

    this.addSql(`alter table \`member\` add \`tier_level\` int not null default 0, add \`last_check_in_on\` varchar(10) null, add \`tags\` json null;`);

  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`coupon\` drop foreign key \`coupon_template_id_foreign\`;`);

    this.addSql(`drop table if exists \`checkin_rule\`;`);

    this.addSql(`drop table if exists \`coupon_template\`;`);

    this.addSql(`drop table if exists \`member_tier\`;`);

    this.addSql(`drop table if exists \`points_entry\`;`);

    this.addSql(`drop table if exists \`checkin\`;`);

    this.addSql(`drop table if exists \`coupon\`;`);

    this.addSql(`alter table \`member\` drop column \`tier_level\`, drop column \`last_check_in_on\`, drop column \`tags\`;`);

  }

}
