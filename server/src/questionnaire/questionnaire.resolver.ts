import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../auth/community-role.guard';
import type { ErrorResult } from '../graphql/error-result';
import { parseId } from '../graphql/ids';
import { MaxItems } from '../graphql/query-limits';
import { Member } from '../member/member.entity';
import { ADMIN_ROLES } from '../member/member.enums';
import { Application } from './application.entity';
import type { EconomyCapExceeded } from '../points/economy-caps.types';
import { applicationCommunity } from './questionnaire.locators';
import {
  ApplicationAnswer,
  ApplicationReviewed,
  ApplicationsArgs,
  ApplicationSubmitted,
  MAX_QUESTIONS,
  QuestionnaireView,
  ReviewApplicationArgs,
  ReviewApplicationResult,
  SaveQuestionnaireArgs,
  SaveQuestionnaireResult,
  SubmitApplicationArgs,
  SubmitApplicationResult,
} from './questionnaire.types';

@Resolver(() => Application)
export class QuestionnaireResolver {
  @Authorized()
  @Query(() => QuestionnaireView, { nullable: true, description: 'The entry questionnaire (members and applicants); null when none. Scores for admins only' })
  questionnaire(@Arg('communityId', () => ID) communityId: string, @Ctx() ctx: RequestContext): Promise<QuestionnaireView | null> {
    return ctx.services.questionnaires.view(ctx, parseId(communityId, 'communityId'));
  }

  @Authorized()
  @Query(() => Application, { nullable: true, description: "The caller's latest application in the community" })
  myApplication(@Arg('communityId', () => ID) communityId: string, @Ctx() ctx: RequestContext): Promise<Application | null> {
    return ctx.services.applications.mine(ctx, parseId(communityId, 'communityId'));
  }

  @Authorized()
  @Mutation(() => SubmitApplicationResult, { description: 'An applicant answers; a rejected applicant may answer again' })
  submitApplication(@Args() { communityId, answers }: SubmitApplicationArgs, @Ctx() ctx: RequestContext): Promise<ApplicationSubmitted | ErrorResult> {
    return ctx.services.applications.submit(ctx, parseId(communityId, 'communityId'), answers);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => SaveQuestionnaireResult, { description: "Admin: create or replace the questionnaire (ids in the input keep questions and options); welcome points within the OWNER's economy caps" })
  saveQuestionnaire(@Args() { communityId, input }: SaveQuestionnaireArgs, @Ctx() ctx: RequestContext): Promise<QuestionnaireView | EconomyCapExceeded> {
    return ctx.services.questionnaires.save(ctx, parseId(communityId), input);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => [Application], { description: 'Admin: applications, newest first' })
  applications(@Args() { communityId, status, first }: ApplicationsArgs, @Ctx() ctx: RequestContext): Promise<Application[]> {
    return ctx.services.applications.list(ctx, parseId(communityId), status, first);
  }

  @RequireCommunityRole(ADMIN_ROLES, applicationCommunity)
  @Mutation(() => ReviewApplicationResult, { description: 'Admin: approve, or reject with a reason the applicant sees' })
  reviewApplication(@Args() { applicationId, approve, reason }: ReviewApplicationArgs, @Ctx() ctx: RequestContext): Promise<ApplicationReviewed | ErrorResult> {
    return ctx.services.applications.review(ctx, parseId(applicationId), approve, reason);
  }

  @FieldResolver(() => [ApplicationAnswer], { description: 'With the questions as they were when answered' })
  @MaxItems(MAX_QUESTIONS)
  answers(@Root() application: Application): ApplicationAnswer[] {
    return application.answers.map((answer) => Object.assign(new ApplicationAnswer(), answer));
  }

  // Applicants see their own answers and status, never how they were judged: score, pass and tags are
  // answered only to the community's admins (null to anyone else, the applicant included).
  @FieldResolver(() => Int, { nullable: true, description: 'Sum of the chosen options’ scores; admins only (null for the applicant)' })
  async score(@Root() application: Application, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await ctx.services.applications.judgedBy(ctx, application)) ? application.score : null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'score ≥ the pass score when it was submitted; admins only (null for the applicant)' })
  async passed(@Root() application: Application, @Ctx() ctx: RequestContext): Promise<boolean | null> {
    return (await ctx.services.applications.judgedBy(ctx, application)) ? application.passed : null;
  }

  @FieldResolver(() => [String], { nullable: true, description: 'Tags the chosen options give on approval; admins only (null for the applicant)' })
  async tags(@Root() application: Application, @Ctx() ctx: RequestContext): Promise<string[] | null> {
    return (await ctx.services.applications.judgedBy(ctx, application)) ? application.tags : null;
  }

  @FieldResolver(() => Date)
  submittedAt(@Root() application: Application): Date {
    return application.createdAt;
  }

  @FieldResolver(() => Member)
  async member(@Root() application: Application, @Ctx() ctx: RequestContext): Promise<Member> {
    return (await ctx.loaders.member.load(application.member.id))!;
  }
}
