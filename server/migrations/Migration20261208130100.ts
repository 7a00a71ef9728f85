import { Migration } from '@mikro-orm/migrations';

/** 小程序码: wxa_code keeps each page and scene's code WeChat drew (getwxacodeunlimit), for every process. */
export class Migration20261208130100 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`wxa_code\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`page\` varchar(64) not null, \`scene\` varchar(32) not null, \`png\` mediumblob not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`wxa_code\` add unique \`wxa_code_page_scene_unique\`(\`page\`, \`scene\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`wxa_code\`;`);
  }
}
