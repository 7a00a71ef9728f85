import { graphql } from './client'
import { ERROR_RESULT_FIELDS, type ErrorResult } from './errors'

export interface StreakBonus {
  day: number
  points: number
}

export interface CheckInRule {
  basePoints: number
  cycleDays: number
  bonuses: StreakBonus[]
}

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

export interface CheckInCalendar {
  month: string
  /** YYYY-MM-DD, community-local dates */
  days: string[]
  streak: number
}

const RULE_FIELDS = 'basePoints cycleDays bonuses { day points }'
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
      checkInCalendar(communityId: $communityId, month: $month) { month days streak }
    }`,
    { communityId, month },
  )
  return data.checkInCalendar
}

/** Admin */
export async function updateCheckInRule(communityId: string, input: CheckInRule): Promise<CheckInRule> {
  const data = await graphql<{ updateCheckInRule: CheckInRule }>(
    `mutation UpdateCheckInRule($communityId: ID!, $input: CheckInRuleInput!) {
      updateCheckInRule(communityId: $communityId, input: $input) { ${RULE_FIELDS} }
    }`,
    { communityId, input },
  )
  return data.updateCheckInRule
}
