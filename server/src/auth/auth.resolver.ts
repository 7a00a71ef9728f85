import { Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { requireUser, requireUserId } from './require-user';
import { User } from '../user/user.entity';
import { LoginArgs, LoginPayload, UpdateProfileArgs, UpdateProfileResult } from './auth.types';
import type { ErrorResult } from '../graphql/error-result';

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, { description: 'Exchanges a wx.login code for a session token' })
  login(@Args() { code }: LoginArgs, @Ctx() ctx: RequestContext): Promise<LoginPayload> {
    return ctx.services.auth.login(ctx, code);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Ends the caller's sessions (every device): their tokens are refused by every server process from now on" })
  async logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    await ctx.services.sessions.revokeAll(ctx.em, requireUserId(ctx));
    return true;
  }

  @Query(() => User, { nullable: true, description: 'The logged-in user; null without a session' })
  me(@Ctx() ctx: RequestContext): User | null {
    return ctx.user;
  }

  @Authorized()
  @Mutation(() => UpdateProfileResult, { description: 'A nickname others will see passes WeChat’s content check first (ContentRejected when it is risky)' })
  updateProfile(@Args() changes: UpdateProfileArgs, @Ctx() ctx: RequestContext): Promise<User | ErrorResult> {
    return ctx.services.auth.updateProfile(ctx, requireUser(ctx), changes);
  }
}
