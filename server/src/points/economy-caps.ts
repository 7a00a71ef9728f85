import type { PointsEntryType } from './points.enums';

/**
 * The OWNER's bounds on every rule that creates points (check-in base, streak bonuses, tier
 * multipliers, welcome and referral points, later tasks, honors, challenges, polls and quizzes):
 * at most `maxPointsPerAction` from one action, at most `maxRulePointsPerMemberDay` earned from
 * rules by one member in one community-local day. Rules are checked against them when an admin
 * sets them (EconomyCapsService.refusal); awards are cut to them when paid (capRuleAwards), because
 * the OWNER may lower the caps under rules set before.
 */
export interface EconomyCaps {
  maxPointsPerAction: number;
  maxRulePointsPerMemberDay: number;
}

export enum EconomyCap {
  MAX_POINTS_PER_ACTION = 'MAX_POINTS_PER_ACTION',
  MAX_RULE_POINTS_PER_MEMBER_DAY = 'MAX_RULE_POINTS_PER_MEMBER_DAY',
}

/** One award a rule gives for an action, as the rule has it. */
export interface RuleAward {
  amount: number;
  type: PointsEntryType;
  note: string;
}

/** The award as paid: cut to what the caps leave, and which cap cut it. */
export interface CappedAward extends RuleAward {
  ruleAmount: number;
  cappedBy: EconomyCap | null;
}

/**
 * The awards of one action in order, each cut to what is left of the action's cap and of the
 * member's day (`earnedThatDay`: what the member earned from rules earlier that day, earnedByRulesOn).
 * A rule that pays nothing (a day without bonus) gives no award; an award cut to 0 is still returned: it is recorded on the ledger as 0 with a note, never silently lost.
 */
export function capRuleAwards(awards: RuleAward[], caps: EconomyCaps, earnedThatDay: number): CappedAward[] {
  let actionLeft = caps.maxPointsPerAction;
  let dayLeft = Math.max(0, caps.maxRulePointsPerMemberDay - earnedThatDay);
  return awards.filter((award) => award.amount > 0).map((award) => {
    const amount = Math.max(0, Math.min(award.amount, actionLeft, dayLeft));
    const cappedBy = amount === award.amount ? null : dayLeft <= actionLeft ? EconomyCap.MAX_RULE_POINTS_PER_MEMBER_DAY : EconomyCap.MAX_POINTS_PER_ACTION;
    actionLeft -= amount;
    dayLeft -= amount;
    const note = cappedBy ? `${award.note}（${capNote(cappedBy, caps)}，规则应得 ${award.amount}）` : award.note;
    return { ...award, amount, note, ruleAmount: award.amount, cappedBy };
  });
}

/** What a member earned from rules on a community-local day, from their locked row (member-lock.ts). */
export function earnedByRulesOn(locked: { rulePointsOn: string | null; rulePointsThatDay: number }, day: string): number {
  return locked.rulePointsOn === day ? locked.rulePointsThatDay : 0;
}

export function capNote(cap: EconomyCap, caps: EconomyCaps): string {
  return cap === EconomyCap.MAX_POINTS_PER_ACTION
    ? `单次最多 ${caps.maxPointsPerAction} 积分`
    : `今日规则积分已达上限 ${caps.maxRulePointsPerMemberDay}`;
}
