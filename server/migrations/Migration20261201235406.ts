import { Migration } from '@mikro-orm/migrations';

/** 邀请制: members' personal invites (member_invite), who invited whom (referral), the referral reward rule on the community. */
export class Migration20261201235406 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table \`referral\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`inviter_id\` int unsigned not null, \`invitee_id\` int unsigned not null, \`status\` varchar(12) not null default 'PENDING', \`points\` int not null default 0, \`settled_on\` varchar(10) null, \`settled_at\` datetime(3) null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`referral\` add index \`referral_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`referral\` add index \`referral_inviter_id_index\`(\`inviter_id\`);`);
    this.addSql(`alter table \`referral\` add index \`referral_invitee_id_index\`(\`invitee_id\`);`);
    this.addSql(`alter table \`referral\` add index \`referral_community_id_created_at_index\`(\`community_id\`, \`created_at\`);`);
    this.addSql(`alter table \`referral\` add index \`referral_inviter_id_status_settled_on_index\`(\`inviter_id\`, \`status\`, \`settled_on\`);`);
    this.addSql(`alter table \`referral\` add unique \`referral_invitee_id_unique\`(\`invitee_id\`);`);
    this.addSql(`create table \`member_invite\` (\`id\` int unsigned not null auto_increment primary key, \`created_at\` datetime(3) not null, \`community_id\` int unsigned not null, \`member_id\` int unsigned not null, \`code\` varchar(16) not null) default character set utf8mb4 engine = InnoDB;`);
    this.addSql(`alter table \`member_invite\` add index \`member_invite_community_id_index\`(\`community_id\`);`);
    this.addSql(`alter table \`member_invite\` add index \`member_invite_member_id_index\`(\`member_id\`);`);
    this.addSql(`alter table \`member_invite\` add unique \`member_invite_member_id_unique\`(\`member_id\`);`);
    this.addSql(`alter table \`member_invite\` add unique \`member_invite_code_unique\`(\`code\`);`);
    this.addSql(`alter table \`referral\` add constraint \`referral_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`referral\` add constraint \`referral_inviter_id_foreign\` foreign key (\`inviter_id\`) references \`member\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`referral\` add constraint \`referral_invitee_id_foreign\` foreign key (\`invitee_id\`) references \`member\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`member_invite\` add constraint \`member_invite_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`member_invite\` add constraint \`member_invite_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`) on update cascade;`);
    this.addSql(`alter table \`community\` add \`referral_points\` int not null default 50, add \`referral_daily_limit\` int not null default 5;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`referral\`;`);
    this.addSql(`drop table if exists \`member_invite\`;`);
    this.addSql(`alter table \`community\` drop column \`referral_points\`, drop column \`referral_daily_limit\`;`);
  }
}
