import { Field, Int, ObjectType } from 'type-graphql';
import { defineErrorResult, ErrorResult } from './error-result';

/** Failures shared by several domains (check-in, coupons, group-buys, sign-ups). */
export const NotActiveMember = defineErrorResult('NotActiveMember', 'NOT_ACTIVE_MEMBER', '你还不是该社群的正式成员');
export const SoldOut = defineErrorResult('SoldOut', 'SOLD_OUT', '已经抢光了');

@ObjectType({ implements: ErrorResult })
export class LimitReached extends ErrorResult {
  @Field(() => Int, { description: 'How many one member may have' })
  limit!: number;

  constructor(limit = 0, message = `每人限 ${limit} 份，你已达到上限`) {
    super();
    this.errorCode = 'LIMIT_REACHED';
    this.message = message;
    this.limit = limit;
  }
}
