import { Migration } from '@mikro-orm/migrations';

export class Migration20261121235904 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`community\` add \`settings_version\` int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`community\` drop column \`settings_version\`;`);
  }
}
