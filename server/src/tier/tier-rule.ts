/**
 * The tier rule, the one place it is written: a member's tier is the highest level whose threshold their
 * lifetime points reach (level 0 when the community has no tiers). As a SQL expression for an UPDATE of
 * `member`, over `lifetimePoints` (a column expression such as `lifetime_points + ?`): set-based, so the
 * tier moves in the same statement as the points, and a whole community is re-tiered in one statement.
 */
export function tierLevelFor(lifetimePoints: string): string {
  return `coalesce((select max(t.level) from member_tier t where t.community_id = member.community_id and t.threshold <= ${lifetimePoints}), 0)`;
}
