import { Migration } from '@mikro-orm/migrations';

/** 补签: the check-in rule's make-up cost and monthly allowance, and the date a missed day was filled on. */
export class Migration20261201234102 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`checkin_rule\` add \`make_up_cost\` int not null default 30, add \`make_up_monthly_allowance\` int not null default 2;`);
    this.addSql(`alter table \`checkin\` add \`made_up_on\` varchar(10) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`checkin\` drop column \`made_up_on\`;`);
    this.addSql(`alter table \`checkin_rule\` drop column \`make_up_cost\`, drop column \`make_up_monthly_allowance\`;`);
  }
}
