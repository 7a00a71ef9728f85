import { Migration } from '@mikro-orm/migrations';

/**
 * Hostile clients: export links used once (export_download), a chat bound by several communities with the
 * members who entered from it (wechat_group_member), the OWNER's caps on points adjustment, and the session
 * generation that logout moves on.
 */
export class Migration20261201232945 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`export_download\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`link_id\` varchar(32) not null, \`user_id\` int not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`export_download\` add unique \`export_download_link_id_unique\`(\`link_id\`);`);
    this.addSql(`create table \`wechat_group_member\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`group_id\` int unsigned not null, \`member_id\` int unsigned not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`wechat_group_member\` add index \`wechat_group_member_group_id_index\`(\`group_id\`);`);
    this.addSql(`alter table \`wechat_group_member\` add index \`wechat_group_member_member_id_index\`(\`member_id\`);`);
    this.addSql(`alter table \`wechat_group_member\` add unique \`wechat_group_member_group_id_member_id_unique\`(\`group_id\`, \`member_id\`);`);
    this.addSql(`alter table \`wechat_group_member\` add constraint \`wechat_group_member_group_id_foreign\` foreign key (\`group_id\`) references \`wechat_group\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`alter table \`wechat_group_member\` add constraint \`wechat_group_member_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`) on update cascade on delete cascade;`);
    this.addSql(`alter table \`community\` add \`adjust_per_call_limit\` int not null default 10000, add \`adjust_daily_limit\` int not null default 50000;`);
    this.addSql(`alter table \`app_user\` add \`session_generation\` int not null default 0;`);
    this.addSql(`alter table \`wechat_group\` drop index \`wechat_group_open_gid_unique\`;`);
    this.addSql(`alter table \`wechat_group\` add index \`wechat_group_open_gid_index\`(\`open_gid\`);`);
    this.addSql(`alter table \`wechat_group\` add unique \`wechat_group_open_gid_community_id_unique\`(\`open_gid\`, \`community_id\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`export_download\`;`);
    this.addSql(`drop table if exists \`wechat_group_member\`;`);
    this.addSql(`alter table \`wechat_group\` drop index \`wechat_group_open_gid_index\`;`);
    this.addSql(`alter table \`wechat_group\` drop index \`wechat_group_open_gid_community_id_unique\`;`);
    this.addSql(`alter table \`wechat_group\` add unique \`wechat_group_open_gid_unique\`(\`open_gid\`);`);
    this.addSql(`alter table \`app_user\` drop column \`session_generation\`;`);
    this.addSql(`alter table \`community\` drop column \`adjust_per_call_limit\`, drop column \`adjust_daily_limit\`;`);
  }
}
