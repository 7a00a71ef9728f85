import { ArgsType, Field, ID, Int, ObjectType, createUnionType, registerEnumType } from 'type-graphql';
import { NotActiveMember } from '../graphql/common-errors';
import { ErrorResult } from '../graphql/error-result';
import { InsufficientPoints } from '../points/points.types';
import { AlreadyCheckedIn } from './checkin.types';

export enum MakeUpRefusal {
  NOT_PAST = 'NOT_PAST',
  TOO_OLD = 'TOO_OLD',
  BEFORE_JOIN = 'BEFORE_JOIN',
  MONTHLY_LIMIT = 'MONTHLY_LIMIT',
  DISABLED = 'DISABLED',
}

registerEnumType(MakeUpRefusal, {
  name: 'MakeUpRefusal',
  valuesConfig: {
    NOT_PAST: { description: 'Today or a future day: check in instead' },
    TOO_OLD: { description: 'Older than the 7-day window' },
    BEFORE_JOIN: { description: 'Before the member joined' },
    MONTHLY_LIMIT: { description: "This month's allowance is used up" },
    DISABLED: { description: 'The community allows no make-up check-ins (allowance 0)' },
  },
});

@ArgsType()
export class MakeUpCheckInArgs {
  @Field(() => ID)
  communityId!: string;

  @Field({ description: 'The missed community-local day to fill, YYYY-MM-DD' })
  date!: string;
}

@ObjectType({ description: '补签 made: the day now counts for the streak and the calendar; it awards no check-in points' })
export class MadeUpCheckIn {
  @Field({ description: 'The day filled, YYYY-MM-DD' })
  date!: string;

  @Field(() => Int, { description: 'The streak as it stands today, recomputed across the filled gap' })
  streak!: number;

  @Field(() => Int, { description: 'Balance after paying the cost' })
  balance!: number;

  @Field(() => Int, { description: 'Points paid' })
  cost!: number;

  @Field(() => Int, { description: 'Make-up check-ins left this month' })
  remaining!: number;
}

@ObjectType({ implements: ErrorResult })
export class MakeUpNotAllowed extends ErrorResult {
  @Field(() => MakeUpRefusal)
  reason!: MakeUpRefusal;

  constructor(reason: MakeUpRefusal, message: string) {
    super();
    this.errorCode = 'MAKE_UP_NOT_ALLOWED';
    this.reason = reason;
    this.message = message;
  }
}

export const MakeUpCheckInResult = createUnionType({
  name: 'MakeUpCheckInResult',
  types: () => [MadeUpCheckIn, InsufficientPoints, MakeUpNotAllowed, AlreadyCheckedIn, NotActiveMember] as const,
});
