import { Migration } from '@mikro-orm/migrations';

/**
 * 群活码: group_code (the permanent link, its unguessable slug, when it last ran out), group_code_group (each
 * WeChat group: its QR upload, expiry date, threshold and scans) and group_code_view_day (views per group per day).
 */
export class Migration20261208140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`group_code\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`slug\` varchar(24) not null, \`name\` varchar(40) not null, \`created_by_id\` int unsigned not null, \`exhausted_at\` datetime(3) null, \`exhaustions\` int not null default 0) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`group_code\` add index \`group_code_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`group_code\` add unique \`group_code_slug_unique\`(\`slug\`);`);
    this.addSql(`alter table \`group_code\` add index \`group_code_created_by_id_index\`(\`created_by_id\`);`);
    this.addSql(`create table \`group_code_group\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`group_code_id\` int unsigned not null, \`position\` int not null, \`name\` varchar(40) not null, \`qr_media_id\` int unsigned not null, \`qr_expires_on\` varchar(10) not null, \`switch_after_scans\` int not null, \`scans\` int not null default 0, \`qr_replaced_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`group_code_group\` add index \`group_code_group_group_code_id_index\`(\`group_code_id\`);`);
    this.addSql(`alter table \`group_code_group\` add index \`group_code_group_qr_media_id_index\`(\`qr_media_id\`);`);
    this.addSql(`alter table \`group_code_group\` add unique \`group_code_group_group_code_id_position_unique\`(\`group_code_id\`, \`position\`);`);
    this.addSql(`create table \`group_code_view_day\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`group_code_id\` int unsigned not null, \`group_id\` int unsigned not null, \`day\` varchar(10) not null, \`views\` int not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`group_code_view_day\` add index \`group_code_view_day_group_code_id_index\`(\`group_code_id\`);`);
    this.addSql(`alter table \`group_code_view_day\` add index \`group_code_view_day_group_id_index\`(\`group_id\`);`);
    this.addSql(`alter table \`group_code_view_day\` add index \`group_code_view_day_group_code_id_day_index\`(\`group_code_id\`, \`day\`);`);
    this.addSql(`alter table \`group_code_view_day\` add unique \`group_code_view_day_group_id_day_unique\`(\`group_id\`, \`day\`);`);
    this.addSql(`alter table \`group_code\` add constraint \`group_code_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`group_code\` add constraint \`group_code_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`app_user\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`group_code_group\` add constraint \`group_code_group_group_code_id_foreign\` foreign key (\`group_code_id\`) references \`group_code\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`group_code_group\` add constraint \`group_code_group_qr_media_id_foreign\` foreign key (\`qr_media_id\`) references \`media\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`group_code_view_day\` add constraint \`group_code_view_day_group_code_id_foreign\` foreign key (\`group_code_id\`) references \`group_code\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`group_code_view_day\` add constraint \`group_code_view_day_group_id_foreign\` foreign key (\`group_id\`) references \`group_code_group\` (\`id\`) on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`group_code_view_day\`;`);
    this.addSql(`drop table if exists \`group_code_group\`;`);
    this.addSql(`drop table if exists \`group_code\`;`);
  }
}
