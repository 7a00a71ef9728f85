import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { RequestContext } from '../context';
import { requireUser } from '../common/require-user';
import { Member } from '../member/member.entity';
import { MemberRole, MemberStatus } from '../member/member.enums';
import { Community } from './community.entity';
import type { JoinPolicy } from './community.enums';
import type { CommunityPreview, CreateCommunityInput } from './community.types';
import { generateJoinCode, normalizeJoinCode } from './join-code';
import { memberProfile } from '../member/member-profile';

const JOIN_CODE_ATTEMPTS = 5;

export class CommunityService {
  /** The caller founds a community and becomes its OWNER, in one transaction. */
  async create(ctx: RequestContext, input: CreateCommunityInput): Promise<Community> {
    const user = requireUser(ctx);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await ctx.em.fork({ clear: true }).transactional(async (em) => {
          const community = em.create(Community, {
            name: input.name.trim(),
            category: input.category,
            joinPolicy: input.joinPolicy,
            description: input.description?.trim() || null,
            joinCode: generateJoinCode(),
          });
          const now = ctx.services.clock.now();
          em.create(Member, { community, user: user.id, role: MemberRole.OWNER, status: MemberStatus.ACTIVE, joinedAt: now });
          await em.flush();
          ctx.services.tiers.createDefaults(em as EntityManager, community.id, now);
          ctx.services.checkInRules.createDefaults(em as EntityManager, community.id, now);
          return community;
        });
      } catch (error) {
        // The unique key on join_code decides; a collision of random codes just draws again.
        if (!(error instanceof UniqueConstraintViolationException) || attempt >= JOIN_CODE_ATTEMPTS) throw error;
        ctx.em.clear();
      }
    }
  }

  findByJoinCode(ctx: RequestContext, joinCode: string): Promise<Community | null> {
    return ctx.em.findOne(Community, { joinCode: normalizeJoinCode(joinCode) });
  }

  async preview(ctx: RequestContext, joinCode: string): Promise<CommunityPreview | null> {
    let community = await this.findByJoinCode(ctx, joinCode);
    const invite = community ? null : await ctx.services.invites.resolve(ctx, normalizeJoinCode(joinCode));
    community ??= invite?.community ?? null;
    if (!community) {
      await ctx.services.rateLimits.consume('joinCodeMisses', ctx.clientAddress);
      return null;
    }
    const memberCount = (await ctx.loaders.communityCounts.load(community.id)).members;
    const { id, name, category, description, joinPolicy, entryFeeFen } = community;
    const invitedBy = invite?.inviterActive ? await memberProfile(ctx, invite.inviterId) : null;
    return { id, name, category, description, joinPolicy, memberCount, entryFeeFen, invitedBy, inviteValid: invite ? invite.inviterActive : null };
  }

  async setJoinPolicy(ctx: RequestContext, communityId: number, joinPolicy: JoinPolicy): Promise<Community> {
    await ctx.em.nativeUpdate(Community, { id: communityId }, { joinPolicy });
    const caller = await ctx.services.access.requireActiveMember(ctx, communityId);
    caller.community.joinPolicy = joinPolicy;
    return caller.community;
  }

  /** A community is visible to its members and applicants, not to strangers or the banned. */
  async findVisible(ctx: RequestContext, communityId: number): Promise<Community | null> {
    const member = await ctx.services.access.callerMember(ctx, communityId);
    const visible = member && (member.status === MemberStatus.ACTIVE || member.status === MemberStatus.APPLICANT);
    return visible ? member.community : null;
  }
}
