import { Migration } from '@mikro-orm/migrations';

/**
 * Notifications (issue 10): the message outbox that is also the inbox, the subscription consents,
 * and the access token shared by every process. Only the new tables: the generator's other
 * statements were MariaDB's JSON-as-LONGTEXT columns compared with the snapshot, not changes.
 */
export class Migration20261201231824 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`subscription_consent\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`user_id\` int unsigned not null, \`template_id\` varchar(64) not null, \`remaining\` int not null default 0, \`accepted\` int not null default 0, \`last_status\` varchar(12) null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`subscription_consent\` add index \`subscription_consent_user_id_index\`(\`user_id\`);`);
    this.addSql(`alter table \`subscription_consent\` add unique \`subscription_consent_user_id_template_id_unique\`(\`user_id\`, \`template_id\`);`);

    this.addSql(`create table \`notification_message\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`member_id\` int unsigned not null, \`user_id\` int unsigned not null, \`kind\` varchar(24) not null, \`dedupe_key\` varchar(120) not null, \`ref_id\` int not null, \`title\` varchar(40) not null, \`body\` varchar(300) not null, \`page\` varchar(200) not null, \`data\` json not null, \`template_id\` varchar(64) null, \`state\` varchar(12) not null, \`next_attempt_at\` datetime(3) null, \`claim_token\` varchar(40) null, \`consent_taken\` tinyint(1) not null default false, \`attempts\` int not null default 0, \`errcode\` int null, \`error\` varchar(200) null, \`sent_at\` datetime(3) null, \`read_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`notification_message\` add index \`notification_message_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`notification_message\` add index \`notification_message_member_id_index\`(\`member_id\`);`);
    this.addSql(`alter table \`notification_message\` add index \`notification_message_user_id_index\`(\`user_id\`);`);
    this.addSql(`alter table \`notification_message\` add unique \`notification_message_dedupe_key_unique\`(\`dedupe_key\`);`);
    this.addSql(`alter table \`notification_message\` add index \`notification_message_kind_ref_id_index\`(\`kind\`, \`ref_id\`);`);
    this.addSql(`alter table \`notification_message\` add index \`notification_message_community_id_state_index\`(\`community_id\`, \`state\`);`);
    this.addSql(`alter table \`notification_message\` add index \`notification_message_member_id_read_at_index\`(\`member_id\`, \`read_at\`);`);
    this.addSql(`alter table \`notification_message\` add index \`notification_message_state_next_attempt_at_index\`(\`state\`, \`next_attempt_at\`);`);

    this.addSql(`create table \`wechat_access_token\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`app_id\` varchar(64) not null, \`token\` varchar(600) null, \`expires_at\` datetime(3) null, \`refresh_lease_until\` datetime(3) null, \`rejected_token\` varchar(600) null, \`updated_at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`wechat_access_token\` add unique \`wechat_access_token_app_id_unique\`(\`app_id\`);`);

    this.addSql(`alter table \`subscription_consent\` add constraint \`subscription_consent_user_id_foreign\` foreign key (\`user_id\`) references \`app_user\` (\`id\`) on update cascade;`);

    this.addSql(`alter table \`notification_message\` add constraint \`notification_message_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`notification_message\` add constraint \`notification_message_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`notification_message\` add constraint \`notification_message_user_id_foreign\` foreign key (\`user_id\`) references \`app_user\` (\`id\`) on update cascade;`);

  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`subscription_consent\`;`);

    this.addSql(`drop table if exists \`notification_message\`;`);

    this.addSql(`drop table if exists \`wechat_access_token\`;`);

  }

}
