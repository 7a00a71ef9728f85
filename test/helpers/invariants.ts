import type { EntityManager } from '@mikro-orm/knex';

export interface InvariantReport {
  members: number;
  violations: string[];
}

/**
 * The economy's invariants, read straight from the tables:
 *  - every member: points = sum of its ledger ≥ 0, lifetime points = sum of its earned rows (positive, refunds excepted)
 *  - every ledger row's balance_after equals the running sum of the member's rows up to it
 *  - every coupon template: issued_count = its non-void coupons ≤ stock
 */
export async function checkEconomyInvariants(em: EntityManager): Promise<InvariantReport> {
  const conn = em.getConnection();
  const violations: string[] = [];
  const members = await conn.execute<Array<{ id: number; points: number; lifetime_points: number; total: number | null; earned: number | null }>>(
    `select m.id, m.points, m.lifetime_points,
            (select sum(e.amount) from points_entry e where e.member_id = m.id) as total,
            (select sum(e.amount) from points_entry e where e.member_id = m.id and e.amount > 0 and e.type <> 'COUPON_REFUND') as earned
       from member m`,
  );
  for (const m of members) {
    if (Number(m.points) < 0) violations.push(`member ${m.id}: negative balance ${m.points}`);
    if (Number(m.points) !== Number(m.total ?? 0)) violations.push(`member ${m.id}: points ${m.points} ≠ ledger sum ${m.total}`);
    if (Number(m.lifetime_points) !== Number(m.earned ?? 0)) violations.push(`member ${m.id}: lifetime ${m.lifetime_points} ≠ earned ${m.earned}`);
  }
  const rows = await conn.execute<Array<{ member_id: number; amount: number; balance_after: number }>>(
    'select member_id, amount, balance_after from points_entry order by member_id, id',
  );
  const running = new Map<number, number>();
  for (const row of rows) {
    const balance = (running.get(row.member_id) ?? 0) + Number(row.amount);
    running.set(row.member_id, balance);
    if (balance !== Number(row.balance_after)) violations.push(`member ${row.member_id}: balance_after ${row.balance_after} ≠ running ${balance}`);
  }
  const templates = await conn.execute<Array<{ id: number; stock: number | null; issued_count: number; live: number }>>(
    `select t.id, t.stock, t.issued_count, (select count(*) from coupon c where c.template_id = t.id and c.status <> 'VOID') as live from coupon_template t`,
  );
  for (const t of templates) {
    if (Number(t.issued_count) !== Number(t.live)) violations.push(`template ${t.id}: issued_count ${t.issued_count} ≠ live coupons ${t.live}`);
    if (t.stock !== null && Number(t.issued_count) > Number(t.stock)) violations.push(`template ${t.id}: oversold ${t.issued_count} > ${t.stock}`);
  }
  return { members: members.length, violations };
}
