import { graphql } from '@/shared/graphql/client'
import { ERROR_RESULT_FIELDS, type ErrorResult } from '@/shared/graphql/errors'
import { INSUFFICIENT_POINTS_FIELDS } from '@/features/points/api'

export interface StreakBonus {
  day: number
  points: number
}

export interface CheckInRule {
  basePoints: number
  cycleDays: number
  bonuses: StreakBonus[]
  /** 补签: points per make-up check-in */
  makeUpCost: number
  /** 补签 per member per month; 0: none */
  makeUpMonthlyAllowance: number
}

/** What updateCheckInRule takes: the make-up terms may be left out (kept as they are). */
export type CheckInRuleInput = Omit<CheckInRule, 'makeUpCost' | 'makeUpMonthlyAllowance'> &
  Partial<Pick<CheckInRule, 'makeUpCost' | 'makeUpMonthlyAllowance'>>

/** "再签 {inDays} 天可得 {points} 积分" */
export interface NextBonus {
  day: number
  inDays: number
  points: number
}

export interface CheckInReward {
  date: string
  pointsAwarded: number
  bonusPoints: number
  streak: number
  balance: number
  nextBonus: NextBonus | null
}

export interface CheckInSuccess extends CheckInReward {
  __typename: 'CheckInSuccess'
}

export interface AlreadyCheckedIn extends ErrorResult {
  __typename: 'AlreadyCheckedIn'
  today: CheckInReward
}

/** CheckInSuccess, AlreadyCheckedIn (with today's result) or NotActiveMember */
export type CheckInResult = CheckInSuccess | AlreadyCheckedIn | ErrorResult

/** 补签 the member may make now: missed days of the last 7 (any month), the cost, what is left this month. */
export interface MakeUpOffer {
  days: string[]
  cost: number
  remaining: number
  monthlyAllowance: number
}

export interface CheckInCalendar {
  month: string
  /** YYYY-MM-DD, community-local dates */
  days: string[]
  /** Those of `days` filled by 补签 */
  madeUpDays: string[]
  streak: number
  makeUp: MakeUpOffer
}

export interface MadeUpCheckIn {
  __typename: 'MadeUpCheckIn'
  date: string
  streak: number
  balance: number
  cost: number
  remaining: number
}

export type MakeUpRefusal = 'NOT_PAST' | 'TOO_OLD' | 'BEFORE_JOIN' | 'MONTHLY_LIMIT' | 'DISABLED'

export interface MakeUpNotAllowed extends ErrorResult {
  __typename: 'MakeUpNotAllowed'
  reason: MakeUpRefusal
}

/** MadeUpCheckIn, or InsufficientPoints | MakeUpNotAllowed | AlreadyCheckedIn | NotActiveMember */
export type MakeUpCheckInResult = MadeUpCheckIn | MakeUpNotAllowed | AlreadyCheckedIn | ErrorResult

export const RULE_FIELDS = 'basePoints cycleDays bonuses { day points } makeUpCost makeUpMonthlyAllowance'
const REWARD_FIELDS = 'date pointsAwarded bonusPoints streak balance nextBonus { day inDays points }'

export function isAlreadyCheckedIn(result: CheckInResult): result is AlreadyCheckedIn {
  return result.__typename === 'AlreadyCheckedIn'
}

export async function checkIn(communityId: string): Promise<CheckInResult> {
  const data = await graphql<{ checkIn: CheckInResult }>(
    `mutation CheckIn($communityId: ID!) {
      checkIn(communityId: $communityId) {
        ${ERROR_RESULT_FIELDS}
        ... on CheckInSuccess { ${REWARD_FIELDS} }
        ... on AlreadyCheckedIn { today { ${REWARD_FIELDS} } }
      }
    }`,
    { communityId },
  )
  return data.checkIn
}

export async function fetchCheckInRule(communityId: string): Promise<CheckInRule> {
  const data = await graphql<{ checkInRule: CheckInRule }>(
    `query CheckInRule($communityId: ID!) { checkInRule(communityId: $communityId) { ${RULE_FIELDS} } }`,
    { communityId },
  )
  return data.checkInRule
}

/** month: YYYY-MM */
export async function fetchCheckInCalendar(communityId: string, month: string): Promise<CheckInCalendar> {
  const data = await graphql<{ checkInCalendar: CheckInCalendar }>(
    `query CheckInCalendar($communityId: ID!, $month: String!) {
      checkInCalendar(communityId: $communityId, month: $month) {
        month days madeUpDays streak makeUp { days cost remaining monthlyAllowance }
      }
    }`,
    { communityId, month },
  )
  return data.checkInCalendar
}

/** 补签 a missed day (YYYY-MM-DD) for points. */
export async function makeUpCheckIn(communityId: string, date: string): Promise<MakeUpCheckInResult> {
  const data = await graphql<{ makeUpCheckIn: MakeUpCheckInResult }>(
    `mutation MakeUpCheckIn($communityId: ID!, $date: String!) {
      makeUpCheckIn(communityId: $communityId, date: $date) {
        ${ERROR_RESULT_FIELDS}
        ... on MadeUpCheckIn { date streak balance cost remaining }
        ... on MakeUpNotAllowed { reason }
        ${INSUFFICIENT_POINTS_FIELDS}
      }
    }`,
    { communityId, date },
  )
  return data.makeUpCheckIn
}
