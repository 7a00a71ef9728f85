import { Migration } from '@mikro-orm/migrations';

/**
 * Media (图片): the `media` table (uploaded images, re-encoded; their object keys), and app_user.avatar_media_id,
 * the uploaded avatar behind avatar_url. Avatars are our store's only from now on: URLs a client sent before
 * (WeChat's avatar CDN) are forgotten, and those members show their letter until they choose an avatar again.
 */
export class Migration20261208130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`media\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`uploader_id\` int unsigned not null, \`purpose\` varchar(16) not null, \`object_key\` varchar(96) not null, \`thumbnail_key\` varchar(96) not null, \`width\` int not null, \`height\` int not null, \`bytes\` int not null, \`status\` varchar(12) not null default 'ACTIVE', \`withdrawn_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`media\` add index \`media_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`media\` add index \`media_uploader_id_index\`(\`uploader_id\`);`);
    this.addSql(`alter table \`media\` add unique \`media_object_key_unique\`(\`object_key\`);`);
    this.addSql(`alter table \`media\` add index \`media_uploader_id_created_at_index\`(\`uploader_id\`, \`created_at\`);`);
    this.addSql(`alter table \`media\` add constraint \`media_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`media\` add constraint \`media_uploader_id_foreign\` foreign key (\`uploader_id\`) references \`app_user\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`app_user\` add \`avatar_media_id\` int null;`);
    this.addSql(`alter table \`app_user\` add index \`app_user_avatar_media_id_index\`(\`avatar_media_id\`);`);
    this.addSql(`update \`app_user\` set \`avatar_url\` = null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`app_user\` drop index \`app_user_avatar_media_id_index\`;`);
    this.addSql(`alter table \`app_user\` drop column \`avatar_media_id\`;`);
    this.addSql(`drop table if exists \`media\`;`);
  }
}
