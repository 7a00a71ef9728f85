import { Migration } from '@mikro-orm/migrations';

/** The admin member list by status, newest first: (community_id, status, joined_at). */
export class Migration20261207180030 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`member\` add index \`member_community_id_status_joined_at_index\`(\`community_id\`, \`status\`, \`joined_at\`);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`member\` drop index \`member_community_id_status_joined_at_index\`;`);
  }
}
