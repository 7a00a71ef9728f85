import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { MaxItems } from '../graphql/query-limits';
import { memberProfile, MemberProfile } from '../member/member-profile';
import { SignupSubmission } from './signup-submission.entity';
import { SignupStatus } from './signup.enums';
import { MAX_FIELDS, SignupAnswer } from './signup.types';

@Resolver(() => SignupSubmission)
export class SignupSubmissionResolver {
  @FieldResolver(() => Int, { nullable: true, description: '候补第 N 位 while WAITLISTED' })
  async position(@Root() submission: SignupSubmission, @Ctx() ctx: RequestContext): Promise<number | null> {
    if (submission.status !== SignupStatus.WAITLISTED) return null;
    return (await ctx.loaders.signupWaitlist.load(submission.form.id)).get(submission.id) ?? null;
  }

  @FieldResolver(() => [SignupAnswer], { description: 'As submitted, with the labels of that moment' })
  @MaxItems(MAX_FIELDS)
  answers(@Root() submission: SignupSubmission): SignupAnswer[] {
    return submission.answers.map(({ fieldId, label, value, values }) => Object.assign(new SignupAnswer(), { fieldId, label, value, values }));
  }

  @FieldResolver(() => Date)
  submittedAt(@Root() submission: SignupSubmission): Date {
    return submission.createdAt;
  }

  @FieldResolver(() => MemberProfile, { description: 'The member as everyone sees them (the admin pages read the full row elsewhere)' })
  member(@Root() submission: SignupSubmission, @Ctx() ctx: RequestContext): Promise<MemberProfile> {
    return memberProfile(ctx, ctx.services.tiers, submission.member.id);
  }
}
