import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../auth/community-role.guard';
import type { ErrorResult } from '../graphql/error-result';
import { parseId } from '../graphql/ids';
import { MaxItems } from '../graphql/query-limits';
import { CommunityListArgs } from '../community/community.types';
import { ExportFormat } from '../export/export.enums';
import { ExportFile } from '../export/export.types';
import { ADMIN_ROLES } from '../member/member.enums';
import { formStatusAt } from './signup-form-rules';
import { SignupForm } from './signup-form.entity';
import { SignupSubmission } from './signup-submission.entity';
import { SignupFormStatus } from './signup.enums';
import { signupExport } from './signup.export';
import { signupFormCommunity } from './signup.locators';
import {
  CapacityBelowConfirmed,
  SignupFormSaved,
  UpdateSignupFormResult,
  CancelSignupResult,
  CreateSignupFormArgs,
  FormIdArgs,
  MAX_FIELDS,
  SignupCancelled,
  SignupField,
  SignupSubmissionsArgs,
  SignupSubmitted,
  SubmitSignupArgs,
  SubmitSignupResult,
  UpdateSignupFormArgs,
} from './signup.types';

@Resolver(() => SignupForm)
export class SignupFormResolver {
  @Authorized()
  @Query(() => [SignupForm], { description: "The community's sign-up forms, newest first (active members)" })
  signupForms(@Args() { communityId, first }: CommunityListArgs, @Ctx() ctx: RequestContext): Promise<SignupForm[]> {
    return ctx.services.signupForms.list(ctx, parseId(communityId, 'communityId'), first);
  }

  @Authorized()
  @Query(() => SignupForm, { nullable: true, description: 'Null unless the caller is an active member of its community' })
  signupForm(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<SignupForm | null> {
    return ctx.services.signupForms.findVisible(ctx, parseId(id));
  }

  @Authorized()
  @Mutation(() => SubmitSignupResult, { description: 'Signs up, or edits your sign-up before the deadline (keeping its status)' })
  submitSignup(@Args() { formId, answers }: SubmitSignupArgs, @Ctx() ctx: RequestContext): Promise<SignupSubmitted | ErrorResult> {
    return ctx.services.signupSubmissions.submit(ctx, parseId(formId, 'formId'), answers);
  }

  @Authorized()
  @Mutation(() => CancelSignupResult, { description: 'Cancels your sign-up; a confirmed seat goes to the first waitlisted member' })
  cancelSignup(@Args() { formId }: FormIdArgs, @Ctx() ctx: RequestContext): Promise<SignupCancelled | ErrorResult> {
    return ctx.services.signupSubmissions.cancel(ctx, parseId(formId, 'formId'));
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => SignupForm, { description: 'Admin: a new form, open at once' })
  createSignupForm(@Args() { communityId, input }: CreateSignupFormArgs, @Ctx() ctx: RequestContext): Promise<SignupForm> {
    return ctx.services.signupForms.create(ctx, parseId(communityId), input);
  }

  @RequireCommunityRole(ADMIN_ROLES, signupFormCommunity)
  @Mutation(() => UpdateSignupFormResult, { description: 'Admin: edit; pass field ids to keep fields; a larger capacity promotes the waitlist (never below the confirmed: CapacityBelowConfirmed)' })
  updateSignupForm(@Args() { formId, input }: UpdateSignupFormArgs, @Ctx() ctx: RequestContext): Promise<SignupFormSaved | CapacityBelowConfirmed> {
    return ctx.services.signupForms.update(ctx, parseId(formId), input);
  }

  @RequireCommunityRole(ADMIN_ROLES, signupFormCommunity)
  @Mutation(() => SignupForm, { description: 'Admin: stop sign-ups now' })
  closeSignupForm(@Args() { formId }: FormIdArgs, @Ctx() ctx: RequestContext): Promise<SignupForm> {
    return ctx.services.signupForms.close(ctx, parseId(formId));
  }

  @RequireCommunityRole(ADMIN_ROLES, signupFormCommunity)
  @Query(() => [SignupSubmission], { description: 'Admin: confirmed first, then the waitlist in order, then cancelled' })
  signupSubmissions(@Args() { formId, status, first }: SignupSubmissionsArgs, @Ctx() ctx: RequestContext): Promise<SignupSubmission[]> {
    return ctx.services.signupForms.submissions(ctx, parseId(formId), status, first);
  }

  @RequireCommunityRole(ADMIN_ROLES, signupFormCommunity)
  @Mutation(() => ExportFile, { description: 'Admin: confirmed and waitlisted sign-ups as XLSX or CSV, field labels as headers' })
  exportSignupSubmissions(@Args() { formId }: FormIdArgs, @Arg('format', () => ExportFormat) format: ExportFormat, @Ctx() ctx: RequestContext): Promise<ExportFile> {
    return ctx.services.exports.issue(ctx, signupExport, parseId(formId), format);
  }

  @FieldResolver(() => [SignupField])
  @MaxItems(MAX_FIELDS)
  fields(@Root() form: SignupForm): SignupField[] {
    return form.fields.map((field) => Object.assign(new SignupField(), field));
  }

  @FieldResolver(() => SignupFormStatus)
  status(@Root() form: SignupForm, @Ctx() ctx: RequestContext): SignupFormStatus {
    return formStatusAt(form, ctx.services.clock.now());
  }

  @FieldResolver(() => Int)
  async waitlistCount(@Root() form: SignupForm, @Ctx() ctx: RequestContext): Promise<number> {
    return (await ctx.loaders.signupWaitlist.load(form.id)).size;
  }

  @FieldResolver(() => SignupSubmission, { nullable: true, description: 'Your live sign-up, else your latest cancelled one' })
  async mySubmission(@Root() form: SignupForm, @Ctx() ctx: RequestContext): Promise<SignupSubmission | null> {
    const member = await ctx.services.access.callerMember(ctx, form.community.id);
    return member ? ctx.loaders.signupOfMember.load(`${form.id}:${member.id}`) : null;
  }
}
