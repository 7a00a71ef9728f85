import { Migration } from '@mikro-orm/migrations';

/**
 * member.left_at: when the member last stopped being ACTIVE (community stats count members ACTIVE
 * at a range's end by it). Members removed or banned before the column existed get the time of
 * the first successful removeMember / banMember / removeMembers naming them in the audit log since
 * their last join, unless they were still applicants then (an application after that join that was
 * not approved). Those the audit log does not name keep NULL: counted as gone before any range.
 */
export class Migration20261202053705 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`member\` add \`left_at\` datetime(3) null;`);
    this.addSql(`update member m set m.left_at = (
        select min(a.created_at) from audit_log a
         where a.community_id = m.community_id and a.outcome = 'OK' and a.created_at >= m.joined_at
           and ((a.action in ('removeMember', 'banMember') and a.target_type = 'member' and a.target_id = cast(m.id as char))
             or (a.action = 'removeMembers' and json_contains(json_extract(a.detail, '$.memberIds'), json_quote(cast(m.id as char))))))
      where m.status in ('REMOVED', 'BANNED') and m.left_at is null
        and not exists (select 1 from membership_application ap
                         where ap.member_id = m.id and ap.created_at >= m.joined_at and ap.status <> 'APPROVED');`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`member\` drop column \`left_at\`;`);
  }
}
