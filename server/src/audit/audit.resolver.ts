import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../auth/community-role.guard';
import { parseId } from '../graphql/ids';
import { ADMIN_ROLES } from '../member/member.enums';
import { User } from '../user/user.entity';
import { AuditLog } from './audit-log.entity';
import { AuditLogArgs, AuditLogConnection } from './audit.types';

@Resolver(() => AuditLog)
export class AuditResolver {
  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => AuditLogConnection, { description: 'Admin: admin actions in the community, newest first, by cursor; filters by action, operator and date' })
  auditLog(@Args() args: AuditLogArgs, @Ctx() ctx: RequestContext): Promise<AuditLogConnection> {
    return ctx.services.audit.page(ctx, parseId(args.communityId), {
      first: args.first,
      after: args.after,
      action: args.action,
      operatorId: args.operatorId ? parseId(args.operatorId, 'operatorId') : null,
      from: args.from,
      to: args.to,
    });
  }

  @FieldResolver(() => User)
  async actor(@Root() entry: AuditLog, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.user.load(entry.actor.id))!;
  }
}
