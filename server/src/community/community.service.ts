import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { ServiceContext } from '../service-context';
import { runStatement } from '../db/sql';
import { requireUser } from '../auth/require-user';
import { MemberStatus } from '../member/member.enums';
import { Community } from './community.entity';
import type { JoinPolicy } from './community.enums';
import type { CommunityPreview, CreateCommunityInput } from './community.types';
import { generateJoinCode, normalizeJoinCode } from './join-code';
import { memberProfile } from '../member/member-profile';
import { addFounder } from '../member/member-rows';
import type { Clock } from '../common/clock';
import type { MemberAccessService } from '../member/member-access.service';
import type { TierService } from '../tier/tier.service';
import type { RateLimits } from '../rate-limit/rate-limits';
import type { InviteService } from '../invite/invite.service';
import type { CommunityCounts } from './community-counts';

const JOIN_CODE_ATTEMPTS = 5;

/**
 * A new community's economy (its default tiers and check-in rule), created in the founding transaction:
 * the economy's domains' answer, bound in app-services.ts (community/ does not reach into them).
 */
export type FoundEconomy = (em: EntityManager, communityId: number, at: Date) => void;

export class CommunityService {
  constructor(
    private readonly clock: Clock,
    private readonly access: MemberAccessService,
    private readonly tiers: TierService,
    private readonly rateLimits: RateLimits,
    private readonly invites: InviteService,
    private readonly counts: CommunityCounts,
    private readonly foundEconomy: FoundEconomy,
  ) {}

  /** The caller founds a community and becomes its OWNER, in one transaction. */
  async create(ctx: ServiceContext, input: CreateCommunityInput): Promise<Community> {
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
          const now = this.clock.now();
          await em.flush();
          await addFounder(em as EntityManager, community.id, user.id, now);
          this.foundEconomy(em as EntityManager, community.id, now);
          return community;
        });
      } catch (error) {
        // The unique key on join_code decides; a collision of random codes just draws again.
        if (!(error instanceof UniqueConstraintViolationException) || attempt >= JOIN_CODE_ATTEMPTS) throw error;
        ctx.em.clear();
      }
    }
  }

  findByJoinCode(ctx: ServiceContext, joinCode: string): Promise<Community | null> {
    return ctx.em.findOne(Community, { joinCode: normalizeJoinCode(joinCode) });
  }

  async preview(ctx: ServiceContext, joinCode: string): Promise<CommunityPreview | null> {
    let community = await this.findByJoinCode(ctx, joinCode);
    const invite = community ? null : await this.invites.resolve(ctx, normalizeJoinCode(joinCode));
    community ??= invite?.community ?? null;
    if (!community) {
      await this.rateLimits.consume('joinCodeMisses', ctx.clientAddress);
      return null;
    }
    const memberCount = (await this.counts.of(community.id)).members;
    const { id, name, category, description, joinPolicy, entryFeeFen } = community;
    const invitedBy = invite?.inviterActive ? await memberProfile(ctx, this.tiers, invite.inviterId) : null;
    return { id, name, category, description, joinPolicy, memberCount, entryFeeFen, invitedBy, inviteValid: invite ? invite.inviterActive : null };
  }

  async setJoinPolicy(ctx: ServiceContext, communityId: number, joinPolicy: JoinPolicy): Promise<Community> {
    await runStatement(ctx.em, 'update community set join_policy = ? where id = ?', [joinPolicy, communityId]);
    const caller = await this.access.requireActiveMember(ctx, communityId);
    caller.community.joinPolicy = joinPolicy;
    return caller.community;
  }

  /** A community is visible to its members and applicants, not to strangers or the banned. */
  async findVisible(ctx: ServiceContext, communityId: number): Promise<Community | null> {
    const member = await this.access.callerMember(ctx, communityId);
    const visible = member && (member.status === MemberStatus.ACTIVE || member.status === MemberStatus.APPLICANT);
    return visible ? member.community : null;
  }
}
