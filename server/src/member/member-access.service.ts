import type DataLoader from 'dataloader';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { ServiceContext } from '../service-context';
import { forbidden } from '../graphql/graphql-errors';
import { columnsOf, mapPrefixed, valuesOf, viewOf } from '../db/entity-rows';
import { requireUserId } from '../auth/require-user';
import { localDate } from '../common/local-date';
import { inKeyOrder } from '../db/by-ids';
import { readTogether } from '../db/read-together';
import { runStatement, selectRows, SqlTarget } from '../db/sql';
import { inSqlTransaction } from '../db/transaction';
import { Community } from '../community/community.entity';
import { Member } from './member.entity';
import { MemberStatus } from './member.enums';
import { CallerMemberLookup, type ActivityOf, type CallerMemberValues } from './caller-member-lookup';
import type { Clock } from '../common/clock';
import type { MemberActivityService } from '../health/member-activity.service';
import { rememberTimezone } from '../health/rollups/rollup-writes';

/** Activity is recorded at most this often per member, so reads stay reads. */
const ACTIVITY_GRANULARITY_MS = 5 * 60 * 1000;

export class MemberAccessService {
  /** Callers' member rows with their communities, read together per turn of the event loop (read-together.ts). */
  private readonly memberRows: DataLoader<CallerKey, Record<string, unknown> | undefined>;

  constructor(
    private readonly clock: Clock,
    private readonly activity: MemberActivityService,
    orm: MikroORM,
  ) {
    this.memberRows = readTogether(orm, async (em, keys) =>
      inKeyOrder(
        await callerMemberRows(em, keys),
        keys.map(({ communityId, userId }) => `${communityId}:${userId}`),
        (row) => `${row.m__community_id}:${row.m__user_id}`,
      ),
    );
  }

  /** The caller's Member row in a community (any status), once per request; null when none. */
  callerMember(ctx: ServiceContext, communityId: number): Promise<Member | null> {
    return Promise.resolve(this.callerLookup(ctx, communityId));
  }

  /**
   * The caller's member row with its community as read-only views (entity-rows.ts viewOf), for a query
   * that only answers with them (`membership`, the home page's): no entity is mapped unless something
   * else of the request asks callerMember for it. Null when not a member.
   */
  async callerMemberView(ctx: ServiceContext, communityId: number): Promise<Member | null> {
    const found = await this.callerLookup(ctx, communityId).read;
    if (!found) return null;
    const community = viewOf(ctx.em, Community, 'c', found.row);
    ctx.loaders.community.prime(community.id, community);
    return Object.assign(viewOf(ctx.em, Member, 'm', found.row), { community });
  }

  /**
   * What a hot path decides on (check-in, redemption) of the caller's member row, without mapping it:
   * the entity is mapped only if something of the request asks callerMember for it (a member and its
   * community cost 30–50 µs to map, a tenth of a check-in's CPU). Null when not a member.
   */
  async callerMemberValues(ctx: ServiceContext, communityId: number): Promise<CallerMemberValues | null> {
    return (await this.callerLookup(ctx, communityId).read)?.values ?? null;
  }

  /**
   * For a statement that reads a user's member row beside rows of its own, saving the round trip of
   * callerMember: the member's and its community's columns (aliases `m` and `c`) and the LEFT JOIN
   * that finds them from the columns `communityIdColumn` and `userIdColumn`. Hand the caller's row to
   * adoptCallerMember.
   */
  memberJoin(em: EntityManager, communityIdColumn: string, userIdColumn: string): { columns: string; join: string } {
    return {
      columns: memberColumns(em),
      join: `left join member m on m.community_id = ${communityIdColumn} and m.user_id = ${userIdColumn} left join community c on c.id = m.community_id`,
    };
  }

  /** The caller's member row out of a row read with memberJoin, as callerMember would have answered it (a lookup made before wins). */
  adoptCallerMember(ctx: ServiceContext, communityId: number, row: Record<string, unknown>): Promise<Member | null> {
    return Promise.resolve(this.callerLookup(ctx, communityId, row));
  }

  /** adoptCallerMember for a row that holds the caller's ACTIVE member (the flash sale's join), without mapping it: answers the member's id. */
  async adoptActiveCallerMemberRow(ctx: ServiceContext, communityId: number, row: Record<string, unknown>): Promise<number> {
    return (await this.callerLookup(ctx, communityId, row).read)!.values.id;
  }

  /**
   * The request's one lookup of its caller in a community, made on first ask from `row` when the
   * caller has one at hand, else read (together with other requests' lookups of the moment). An
   * ACTIVE member's activity is recorded before anyone gets the answer.
   */
  private callerLookup(ctx: ServiceContext, communityId: number, row?: Record<string, unknown>): CallerMemberLookup {
    let lookup = ctx.callerMembers.get(communityId);
    if (!lookup) {
      const read = (row ? Promise.resolve(row) : this.readCallerMemberRow(ctx, communityId)).then(async (found) => {
        if (!found || found.m__id == null) return null;
        const values = memberValuesOf(ctx, found);
        ctx.settingsVersions.set(communityId, values.community.settingsVersion);
        rememberTimezone(communityId, values.community.timezone);
        if (values.status === MemberStatus.ACTIVE) await this.touchActivity(ctx, values);
        return { row: found, values };
      });
      lookup = new CallerMemberLookup(read, (found) => this.primed(ctx, memberOfRow(ctx, found)));
      ctx.callerMembers.set(communityId, lookup);
    }
    return lookup;
  }

  /** The field resolvers find the member's community loaded (and the user loader answers the caller from the session). */
  private primed(ctx: ServiceContext, member: Member): Member {
    ctx.loaders.community.prime(member.community.id, member.community);
    return member;
  }

  /** requireActiveMember for a caller that needs only the guard, not the member: decided on the row's values, nothing mapped. */
  async assertActiveMember(ctx: ServiceContext, communityId: number): Promise<void> {
    const values = await this.callerMemberValues(ctx, communityId);
    if (!values || values.status !== MemberStatus.ACTIVE) throw forbidden('你还不是该社群的成员');
  }

  async requireActiveMember(ctx: ServiceContext, communityId: number): Promise<Member> {
    await this.assertActiveMember(ctx, communityId);
    return (await this.callerMember(ctx, communityId))!;
  }

  /**
   * Member and community in one joined statement, written by hand: every member request starts
   * here, and the ORM's joined findOne costs about eight times the statement itself. The user is
   * the session's (SessionUser). Requests of the same moment share the statement, except inside a
   * transaction, whose own writes the read must see.
   */
  private async readCallerMemberRow(ctx: ServiceContext, communityId: number): Promise<Record<string, unknown> | undefined> {
    const key = { communityId, userId: requireUserId(ctx) };
    return ctx.em.getTransactionContext() ? (await callerMemberRows(ctx.em, [key]))[0] : this.memberRows.load(key);
  }

  /**
   * Last-active time drives the dormant-member lists (one UPDATE, throttled); the first request
   * of the member's local day also marks the day active for the dashboard (one INSERT a day), in
   * the same transaction as that UPDATE, so the day costs one commit, as every other refresh does
   * (two separate commits measured 0.76–0.87× the check-in throughput of one).
   */
  private async touchActivity(ctx: ServiceContext, member: ActivityOf): Promise<void> {
    const now = this.clock.now();
    const today = localDate(now, member.community.timezone);
    const firstToday = !member.lastActiveAt || localDate(member.lastActiveAt, member.community.timezone) !== today;
    if (!firstToday && now.getTime() - member.lastActiveAt!.getTime() < ACTIVITY_GRANULARITY_MS) return;
    // Hand-written statements: the managed entity keeps its loaded value, so no later flush rewrites it.
    const touch = (target: SqlTarget) => runStatement(target, 'update member set last_active_at = ? where id = ?', [now, member.id]);
    if (!firstToday) {
      await touch(ctx.em);
      return;
    }
    const joinedDay = localDate(member.joinedAt, member.community.timezone);
    await inSqlTransaction(ctx, async (tx) => {
      await touch(tx);
      await this.activity.recordDay(tx, { communityId: member.community.id, memberId: member.id, joinedDay }, today);
    });
  }
}

/** The member's and its community's columns, under the prefixes `m__` and `c__`. */
function memberColumns(em: EntityManager): string {
  return `${columnsOf(em, Member, 'm')}, ${columnsOf(em, Community, 'c')}`;
}

interface CallerKey {
  communityId: number;
  userId: number;
}

/** The member rows (with their communities) of these users in these communities, in one statement. */
function callerMemberRows(em: EntityManager, keys: readonly CallerKey[]): Promise<Record<string, unknown>[]> {
  return selectRows<Record<string, unknown>>(
    em,
    `select ${memberColumns(em)}
       from member m join community c on c.id = m.community_id
      where ${keys.map(() => '(m.community_id = ? and m.user_id = ?)').join(' or ')}`,
    keys.flatMap(({ communityId, userId }) => [communityId, userId]),
  );
}

/** The member (and its community) of a row with the `m__` and `c__` columns. */
function memberOfRow({ em }: ServiceContext, row: Record<string, unknown>): Member {
  mapPrefixed(em, Community, 'c', row);
  return mapPrefixed(em, Member, 'm', row);
}

/** callerMemberValues out of the same row, converted as the ORM converts them (about 2 µs). */
function memberValuesOf({ em }: ServiceContext, row: Record<string, unknown>): CallerMemberValues {
  return {
    ...valuesOf(em, Member, 'm', row, ['id', 'status', 'tierLevel', 'lastActiveAt', 'joinedAt']),
    community: valuesOf(em, Community, 'c', row, ['id', 'timezone', 'settingsVersion']),
  };
}
