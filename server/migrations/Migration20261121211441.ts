import { Migration } from '@mikro-orm/migrations';

export class Migration20261121211441 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`community\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`name\` varchar(30) not null, \`category\` varchar(20) not null, \`description\` text null, \`join_policy\` varchar(16) not null, \`join_code\` varchar(16) not null, \`timezone\` varchar(40) not null default 'Asia/Shanghai') default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`community\` add unique \`community_join_code_unique\`(\`join_code\`);`);

    this.addSql(`create table \`app_user\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`openid\` varchar(64) not null, \`session_key\` varchar(64) null, \`nickname\` varchar(32) null, \`avatar_url\` varchar(512) null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`app_user\` add unique \`app_user_openid_unique\`(\`openid\`);`);

    this.addSql(`create table \`member\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`user_id\` int unsigned not null, \`role\` varchar(16) not null, \`status\` varchar(16) not null, \`points\` int not null default 0, \`lifetime_points\` int not null default 0, \`streak\` int not null default 0, \`joined_at\` datetime(3) not null, \`last_active_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`member\` add index \`member_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`member\` add index \`member_user_id_index\`(\`user_id\`);`);
    this.addSql(`alter table \`member\` add index \`member_community_id_status_last_active_at_index\`(\`community_id\`, \`status\`, \`last_active_at\`);`);
    this.addSql(`alter table \`member\` add unique \`member_community_id_user_id_unique\`(\`community_id\`, \`user_id\`);`);

    this.addSql(`create table \`audit_log\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`actor_id\` int unsigned not null, \`action\` varchar(64) not null, \`target_type\` varchar(32) null, \`target_id\` varchar(64) null, \`outcome\` varchar(48) not null, \`detail\` json null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`audit_log\` add index \`audit_log_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`audit_log\` add index \`audit_log_actor_id_index\`(\`actor_id\`);`);
    this.addSql(`alter table \`audit_log\` add index \`audit_log_community_id_created_at_index\`(\`community_id\`, \`created_at\`);`);

    this.addSql(`create table \`wechat_group\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`open_gid\` varchar(64) not null, \`bound_by_id\` int unsigned not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`wechat_group\` add index \`wechat_group_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`wechat_group\` add unique \`wechat_group_open_gid_unique\`(\`open_gid\`);`);
    this.addSql(`alter table \`wechat_group\` add index \`wechat_group_bound_by_id_index\`(\`bound_by_id\`);`);

    this.addSql(`alter table \`member\` add constraint \`member_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`member\` add constraint \`member_user_id_foreign\` foreign key (\`user_id\`) references \`app_user\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`audit_log\` add constraint \`audit_log_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`audit_log\` add constraint \`audit_log_actor_id_foreign\` foreign key (\`actor_id\`) references \`app_user\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`wechat_group\` add constraint \`wechat_group_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`wechat_group\` add constraint \`wechat_group_bound_by_id_foreign\` foreign key (\`bound_by_id\`) references \`app_user\` (\`id\`) on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`member\` drop foreign key \`member_community_id_foreign\`;`);

    this.addSql(`alter table \`audit_log\` drop foreign key \`audit_log_community_id_foreign\`;`);

    this.addSql(`alter table \`wechat_group\` drop foreign key \`wechat_group_community_id_foreign\`;`);

    this.addSql(`alter table \`member\` drop foreign key \`member_user_id_foreign\`;`);

    this.addSql(`alter table \`audit_log\` drop foreign key \`audit_log_actor_id_foreign\`;`);

    this.addSql(`alter table \`wechat_group\` drop foreign key \`wechat_group_bound_by_id_foreign\`;`);

    this.addSql(`drop table if exists \`community\`;`);

    this.addSql(`drop table if exists \`app_user\`;`);

    this.addSql(`drop table if exists \`member\`;`);

    this.addSql(`drop table if exists \`audit_log\`;`);

    this.addSql(`drop table if exists \`wechat_group\`;`);
  }

}
