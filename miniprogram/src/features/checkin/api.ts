import { graphql } from '@/shared/graphql/client'
import type { ResultMember } from '@/shared/graphql/errors'
import {
  CheckInCalendarDocument,
  type CheckInCalendarQuery,
  CheckInDocument,
  type CheckInMutation,
  type CheckInRewardFieldsFragment,
  CheckInRuleDocument,
  type CheckInRuleFieldsFragment,
  MakeUpCheckInDocument,
  type MakeUpCheckInMutation,
  type MakeUpRefusal,
} from './checkin.generated'

export type CheckInRule = CheckInRuleFieldsFragment
export type StreakBonus = CheckInRule['bonuses'][number]
/** What updateCheckInRule takes: the make-up terms may be left out (kept as they are). */
export type { CheckInRuleInput } from './admin/checkin-admin.generated'
export type CheckInReward = CheckInRewardFieldsFragment
/** "再签 {inDays} 天可得 {points} 积分" */
export type NextBonus = NonNullable<CheckInReward['nextBonus']>

/** CheckInSuccess, AlreadyCheckedIn (with today's result) or NotActiveMember */
export type CheckInResult = CheckInMutation['checkIn']
export type CheckInSuccess = ResultMember<CheckInResult, 'CheckInSuccess'>
export type AlreadyCheckedIn = ResultMember<CheckInResult, 'AlreadyCheckedIn'>

/** The month's check-in days (community-local YYYY-MM-DD), those filled by 补签, and the 补签 on offer. */
export type CheckInCalendar = CheckInCalendarQuery['checkInCalendar']
/** 补签 the member may make now: missed days of the last 7 (any month), the cost, what is left this month. */
export type MakeUpOffer = CheckInCalendar['makeUp']

/** MadeUpCheckIn, or InsufficientPoints | MakeUpNotAllowed | AlreadyCheckedIn | NotActiveMember */
export type MakeUpCheckInResult = MakeUpCheckInMutation['makeUpCheckIn']
export type MadeUpCheckIn = ResultMember<MakeUpCheckInResult, 'MadeUpCheckIn'>
export type MakeUpNotAllowed = ResultMember<MakeUpCheckInResult, 'MakeUpNotAllowed'>
export type { MakeUpRefusal }

export function isAlreadyCheckedIn(result: CheckInResult): result is AlreadyCheckedIn {
  return result.__typename === 'AlreadyCheckedIn'
}

export async function checkIn(communityId: string): Promise<CheckInResult> {
  const data = await graphql(CheckInDocument, { communityId })
  return data.checkIn
}

export async function fetchCheckInRule(communityId: string): Promise<CheckInRule> {
  const data = await graphql(CheckInRuleDocument, { communityId })
  return data.checkInRule
}

/** month: YYYY-MM */
export async function fetchCheckInCalendar(communityId: string, month: string): Promise<CheckInCalendar> {
  const data = await graphql(CheckInCalendarDocument, { communityId, month })
  return data.checkInCalendar
}

/** 补签 a missed day (YYYY-MM-DD) for points. */
export async function makeUpCheckIn(communityId: string, date: string): Promise<MakeUpCheckInResult> {
  const data = await graphql(MakeUpCheckInDocument, { communityId, date })
  return data.makeUpCheckIn
}
