import { Migration } from '@mikro-orm/migrations';

export class Migration20261121220351 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`signup_form\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`created_by_id\` int unsigned not null, \`title\` varchar(40) not null, \`description\` text null, \`fields\` json not null, \`capacity\` int not null, \`waitlist\` tinyint(1) not null, \`deadline\` datetime(3) null, \`closed_at\` datetime(3) null, \`confirmed_count\` int not null default 0, \`last_waitlist_no\` int not null default 0, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`signup_form\` add index \`signup_form_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`signup_form\` add index \`signup_form_created_by_id_index\`(\`created_by_id\`);`);
    this.addSql(`alter table \`signup_form\` add index \`signup_form_community_id_created_at_index\`(\`community_id\`, \`created_at\`);`);

    this.addSql(`create table \`questionnaire\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`updated_by_id\` int unsigned not null, \`title\` varchar(40) not null, \`intro\` varchar(500) null, \`pass_score\` int not null, \`auto_approve\` tinyint(1) not null, \`welcome_points\` int not null, \`questions\` json not null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`questionnaire\` add index \`questionnaire_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`questionnaire\` add unique \`questionnaire_community_id_unique\`(\`community_id\`);`);
    this.addSql(`alter table \`questionnaire\` add index \`questionnaire_updated_by_id_index\`(\`updated_by_id\`);`);

    this.addSql(`create table \`signup_submission\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`form_id\` int unsigned not null, \`community_id\` int unsigned not null, \`member_id\` int unsigned not null, \`status\` varchar(12) not null, \`waitlist_no\` int null, \`answers\` json not null, \`live_key\` tinyint null default 1, \`confirmed_at\` datetime(3) null, \`cancelled_at\` datetime(3) null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`signup_submission\` add index \`signup_submission_form_id_index\`(\`form_id\`);`);
    this.addSql(`alter table \`signup_submission\` add index \`signup_submission_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`signup_submission\` add index \`signup_submission_member_id_index\`(\`member_id\`);`);
    this.addSql(`alter table \`signup_submission\` add index \`signup_submission_form_id_status_waitlist_no_index\`(\`form_id\`, \`status\`, \`waitlist_no\`);`);
    this.addSql(`alter table \`signup_submission\` add unique \`signup_submission_form_id_member_id_live_key_unique\`(\`form_id\`, \`member_id\`, \`live_key\`);`);

    this.addSql(`create table \`group_buy\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`created_by_id\` int unsigned not null, \`title\` varchar(40) not null, \`description\` text null, \`images\` json null, \`price_fen\` int not null, \`original_price_fen\` int null, \`stock\` int not null, \`sold_quantity\` int not null default 0, \`participant_count\` int not null default 0, \`last_seq\` int not null default 0, \`per_member_limit\` int null, \`min_participants\` int not null, \`starts_at\` datetime(3) not null, \`ends_at\` datetime(3) not null, \`pickup_note\` varchar(500) null, \`state\` varchar(12) not null, \`outcome\` varchar(12) null, \`closed_at\` datetime(3) null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`group_buy\` add index \`group_buy_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`group_buy\` add index \`group_buy_created_by_id_index\`(\`created_by_id\`);`);
    this.addSql(`alter table \`group_buy\` add index \`group_buy_state_ends_at_index\`(\`state\`, \`ends_at\`);`);
    this.addSql(`alter table \`group_buy\` add index \`group_buy_community_id_starts_at_index\`(\`community_id\`, \`starts_at\`);`);

    this.addSql(`create table \`group_buy_entry\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`group_buy_id\` int unsigned not null, \`community_id\` int unsigned not null, \`member_id\` int unsigned not null, \`seq\` int not null, \`quantity\` int not null, \`note\` varchar(100) null, \`request_id\` varchar(64) not null, \`live_key\` tinyint null default 1, \`picked_up\` tinyint(1) not null default false, \`picked_up_at\` datetime(3) null, \`cancelled_at\` datetime(3) null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`group_buy_entry\` add index \`group_buy_entry_group_buy_id_index\`(\`group_buy_id\`);`);
    this.addSql(`alter table \`group_buy_entry\` add index \`group_buy_entry_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`group_buy_entry\` add index \`group_buy_entry_member_id_index\`(\`member_id\`);`);
    this.addSql(`alter table \`group_buy_entry\` add index \`group_buy_entry_group_buy_id_live_key_seq_index\`(\`group_buy_id\`, \`live_key\`, \`seq\`);`);
    this.addSql(`alter table \`group_buy_entry\` add unique \`group_buy_entry_member_id_request_id_unique\`(\`member_id\`, \`request_id\`);`);
    this.addSql(`alter table \`group_buy_entry\` add unique \`group_buy_entry_group_buy_id_member_id_live_key_unique\`(\`group_buy_id\`, \`member_id\`, \`live_key\`);`);
    this.addSql(`alter table \`group_buy_entry\` add unique \`group_buy_entry_group_buy_id_seq_unique\`(\`group_buy_id\`, \`seq\`);`);

    this.addSql(`create table \`membership_application\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`member_id\` int unsigned not null, \`attempt\` int not null, \`status\` varchar(12) not null, \`score\` int not null, \`passed\` tinyint(1) not null, \`answers\` json not null, \`tags\` json not null, \`reject_reason\` varchar(200) null, \`reviewed_at\` datetime(3) null, \`reviewed_by_id\` int unsigned null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`membership_application\` add index \`membership_application_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`membership_application\` add index \`membership_application_member_id_index\`(\`member_id\`);`);
    this.addSql(`alter table \`membership_application\` add index \`membership_application_reviewed_by_id_index\`(\`reviewed_by_id\`);`);
    this.addSql(`alter table \`membership_application\` add index \`membership_application_community_id_status_id_index\`(\`community_id\`, \`status\`, \`id\`);`);
    this.addSql(`alter table \`membership_application\` add unique \`membership_application_member_id_attempt_unique\`(\`member_id\`, \`attempt\`);`);

    this.addSql(`alter table \`signup_form\` add constraint \`signup_form_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`signup_form\` add constraint \`signup_form_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`app_user\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`questionnaire\` add constraint \`questionnaire_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`questionnaire\` add constraint \`questionnaire_updated_by_id_foreign\` foreign key (\`updated_by_id\`) references \`app_user\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`signup_submission\` add constraint \`signup_submission_form_id_foreign\` foreign key (\`form_id\`) references \`signup_form\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`signup_submission\` add constraint \`signup_submission_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`signup_submission\` add constraint \`signup_submission_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`group_buy\` add constraint \`group_buy_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`group_buy\` add constraint \`group_buy_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`app_user\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`group_buy_entry\` add constraint \`group_buy_entry_group_buy_id_foreign\` foreign key (\`group_buy_id\`) references \`group_buy\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`group_buy_entry\` add constraint \`group_buy_entry_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`group_buy_entry\` add constraint \`group_buy_entry_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`membership_application\` add constraint \`membership_application_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`membership_application\` add constraint \`membership_application_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`membership_application\` add constraint \`membership_application_reviewed_by_id_foreign\` foreign key (\`reviewed_by_id\`) references \`app_user\` (\`id\`) on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`signup_submission\` drop foreign key \`signup_submission_form_id_foreign\`;`);

    this.addSql(`alter table \`group_buy_entry\` drop foreign key \`group_buy_entry_group_buy_id_foreign\`;`);

    this.addSql(`drop table if exists \`signup_form\`;`);

    this.addSql(`drop table if exists \`questionnaire\`;`);

    this.addSql(`drop table if exists \`signup_submission\`;`);

    this.addSql(`drop table if exists \`group_buy\`;`);

    this.addSql(`drop table if exists \`group_buy_entry\`;`);

    this.addSql(`drop table if exists \`membership_application\`;`);
  }

}
