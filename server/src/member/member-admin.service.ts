import type { RequestContext } from '../context';
import { ErrorResult, isErrorResult } from '../common/error-result';
import { Member } from './member.entity';
import { MemberRole, MemberStatus, ROLE_RANK } from './member.enums';
import { MemberNotFound, MemberUpdated, RoleNotAllowed } from './member.types';

export type MemberActionOutcome = MemberUpdated | ErrorResult;

const MEMBER_LIST_LIMIT = 500;

/** Admin work on members. The guard has checked the caller is an admin of `communityId`. */
export class MemberAdminService {
  list(ctx: RequestContext, communityId: number, status?: MemberStatus): Promise<Member[]> {
    return ctx.em.find(
      Member,
      { community: communityId, ...(status ? { status } : { status: { $ne: MemberStatus.REMOVED } }) },
      { populate: ['user'], orderBy: { joinedAt: 'desc', id: 'desc' }, limit: MEMBER_LIST_LIMIT },
    );
  }

  setRole(ctx: RequestContext, communityId: number, memberId: number, role: MemberRole): Promise<MemberActionOutcome> {
    return this.change(ctx, communityId, memberId, role, (target) =>
      target.status === MemberStatus.ACTIVE ? { role } : new RoleNotAllowed('只能给正常状态的成员设置角色'),
    );
  }

  remove(ctx: RequestContext, communityId: number, memberId: number): Promise<MemberActionOutcome> {
    return this.change(ctx, communityId, memberId, MemberRole.MEMBER, (target) =>
      target.status === MemberStatus.BANNED ? {} : { status: MemberStatus.REMOVED, role: MemberRole.MEMBER },
    );
  }

  ban(ctx: RequestContext, communityId: number, memberId: number): Promise<MemberActionOutcome> {
    return this.change(ctx, communityId, memberId, MemberRole.MEMBER, () => ({ status: MemberStatus.BANNED, role: MemberRole.MEMBER }));
  }

  /**
   * An actor manages only members ranked strictly below itself and grants only roles below its
   * own (nobody grants OWNER). The update is conditional on the role and status the decision
   * was made on, so a simultaneous change cannot slip past the rank check.
   */
  private async change(
    ctx: RequestContext,
    communityId: number,
    memberId: number,
    resultingRole: MemberRole,
    decide: (target: Member) => Partial<Pick<Member, 'role' | 'status'>> | ErrorResult,
  ): Promise<MemberActionOutcome> {
    const actor = await ctx.services.access.requireActiveMember(ctx, communityId);
    const target = await ctx.em.findOne(Member, { id: memberId, community: communityId }, { populate: ['user'] });
    if (!target) return new MemberNotFound();
    const actorRank = ROLE_RANK[actor.role];
    if (ROLE_RANK[target.role] >= actorRank || ROLE_RANK[resultingRole] >= actorRank) return new RoleNotAllowed();

    const changes = decide(target);
    if (isErrorResult(changes)) return changes;
    if (Object.keys(changes).length === 0) return updated(target);
    const affected = await ctx.em.nativeUpdate(Member, { id: target.id, role: target.role, status: target.status }, changes);
    if (affected !== 1) return new RoleNotAllowed('成员状态刚刚发生了变化，请刷新后重试');
    return updated(await ctx.em.refreshOrFail(target));
  }
}

function updated(member: Member): MemberUpdated {
  return Object.assign(new MemberUpdated(), { member });
}
