import { Migration } from '@mikro-orm/migrations';

/**
 * Content safety: the moderation queue (one item per target) and its reports, WeChat's image checks by
 * trace id, and who may see a note or a nickname (group_buy_entry.note_status, app_user / member.nickname_status).
 */
export class Migration20261208120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`moderation_item\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`target_type\` varchar(24) not null, \`target_id\` int not null, \`author_user_id\` int not null, \`status\` varchar(12) not null, \`open_reports\` int not null default 0, \`in_review\` tinyint(1) not null default false, \`decision\` varchar(12) null, \`decided_at\` datetime(3) null, \`decided_by_id\` int null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`moderation_item\` add index \`moderation_item_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`moderation_item\` add index \`moderation_item_community_id_status_id_index\`(\`community_id\`, \`status\`, \`id\`);`);
    this.addSql(`alter table \`moderation_item\` add unique \`moderation_item_target_type_target_id_unique\`(\`target_type\`, \`target_id\`);`);
    this.addSql(`alter table \`moderation_item\` add constraint \`moderation_item_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);

    this.addSql(`create table \`content_report\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`item_id\` int not null, \`reporter_member_id\` int not null, \`reason\` varchar(12) not null, \`detail\` varchar(200) null, \`open_key\` tinyint null default 1) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`content_report\` add index \`content_report_item_id_reason_index\`(\`item_id\`, \`reason\`);`);
    this.addSql(`alter table \`content_report\` add unique \`content_report_item_id_reporter_member_id_open_key_unique\`(\`item_id\`, \`reporter_member_id\`, \`open_key\`);`);

    this.addSql(`create table \`image_check\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`trace_id\` varchar(64) not null, \`target_type\` varchar(24) not null, \`target_id\` int not null, \`community_id\` int not null, \`author_user_id\` int not null, \`status\` varchar(12) not null, \`decided_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`image_check\` add unique \`image_check_trace_id_unique\`(\`trace_id\`);`);
    this.addSql(`alter table \`image_check\` add index \`image_check_target_type_target_id_index\`(\`target_type\`, \`target_id\`);`);

    this.addSql(`alter table \`group_buy_entry\` add \`note_status\` varchar(8) not null default 'VISIBLE';`);
    this.addSql(`alter table \`app_user\` add \`nickname_status\` varchar(8) not null default 'VISIBLE';`);
    this.addSql(`alter table \`member\` add \`nickname_status\` varchar(8) not null default 'VISIBLE';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`content_report\`;`);
    this.addSql(`drop table if exists \`image_check\`;`);
    this.addSql(`drop table if exists \`moderation_item\`;`);
    this.addSql(`alter table \`group_buy_entry\` drop column \`note_status\`;`);
    this.addSql(`alter table \`app_user\` drop column \`nickname_status\`;`);
    this.addSql(`alter table \`member\` drop column \`nickname_status\`;`);
  }
}
