import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Max, Min } from 'class-validator';
import type { RequestContext } from '../context';
import { RequireCommunityRole } from '../common/community-role.guard';
import { parseId } from '../common/ids';
import { ADMIN_ROLES } from '../member/member.enums';
import { User } from '../user/user.entity';
import { AuditLog } from './audit-log.entity';

@ArgsType()
class AuditLogArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(200)
  first!: number;
}

@Resolver(() => AuditLog)
export class AuditResolver {
  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => [AuditLog], { description: 'Admin: the latest admin actions in the community' })
  auditLog(@Args() { communityId, first }: AuditLogArgs, @Ctx() ctx: RequestContext): Promise<AuditLog[]> {
    return ctx.em.find(AuditLog, { community: parseId(communityId) }, { orderBy: { id: 'desc' }, limit: first });
  }

  @FieldResolver(() => User)
  async actor(@Root() entry: AuditLog, @Ctx() ctx: RequestContext): Promise<User> {
    return (await ctx.loaders.user.load(entry.actor.id))!;
  }
}
