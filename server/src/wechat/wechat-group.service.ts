import type { AppConfig } from '../config';
import type { ServiceContext } from '../service-context';
import { ErrorResult } from '../graphql/error-result';
import { requireUser, requireUserId } from '../auth/require-user';
import { insertIgnoreInto, placeholders, runStatement, selectRows } from '../db/sql';
import { Community } from '../community/community.entity';
import { MemberRole, MemberStatus } from '../member/member.enums';
import { JoinedCommunity } from '../member/member.types';
import type { JoinOutcome } from '../member/membership.service';
import { decryptWeChatData, openGidOf, WeChatDataError, WeChatDataFailure } from './wechat-data.crypto';
import { WeChatGroup } from './wechat-group.entity';
import {
  BoundWeChatGroup,
  ChooseGroupCommunity,
  GroupCommunityChoice,
  MAX_GROUP_CHOICES,
  GroupNotBound,
  InvalidGroupData,
  WeChatGroupBound,
  WeChatGroupUnbound,
} from './wechat-group.types';
import type { Clock } from '../common/clock';
import type { MembershipService } from '../member/membership.service';
import type { AuthService } from '../auth/auth.service';

const REFUSAL_MESSAGES: Record<WeChatDataFailure | 'NO_GROUP', string> = {
  MALFORMED: '群信息格式不正确，请从群聊中的小程序卡片重新进入',
  UNDECRYPTABLE: '群信息无法解密，可能登录已过期，请重新进入小程序',
  FOREIGN_APP: '群信息不属于本小程序',
  STALE: '群信息已过期，请从群聊中的小程序卡片重新进入',
  NO_SESSION: '登录状态已失效，请重新进入小程序',
  NO_GROUP: '没有读到群聊信息，请从群聊中的小程序卡片进入',
};

/**
 * 群聊 ↔ 社群. Binding a chat locks nobody out: several communities may bind one chat (a squatter who
 * binds first gains nothing), and a member entering from a chat bound by several chooses, seeing each
 * community's name, its owner and how many of this chat's members entered it. A member who already
 * belongs to exactly one of them lands there. An admin can unbind their community from a chat.
 */
export class WeChatGroupService {
  constructor(
    private readonly settings: AppConfig['wechat'],
    private readonly clock: Clock,
    private readonly memberships: MembershipService,
    private readonly auth: AuthService,
  ) {}

  async enterFromGroup(ctx: ServiceContext, encryptedData: string, iv: string, chosenCommunityId?: number): Promise<JoinOutcome | ChooseGroupCommunity> {
    const openGid = await this.readOpenGid(ctx, encryptedData, iv);
    if (openGid instanceof ErrorResult) return openGid;
    const groups = await ctx.em.find(WeChatGroup, { openGid }, { populate: ['community'], orderBy: { id: 'asc' } });
    const group = chosenCommunityId !== undefined ? groups.find((g) => g.community.id === chosenCommunityId) : await this.obviousChoice(ctx, groups);
    if (!group && (groups.length === 0 || chosenCommunityId !== undefined)) return new GroupNotBound();
    if (!group) return Object.assign(new ChooseGroupCommunity(), { choices: await this.choices(ctx, groups) });

    const outcome = await this.memberships.join(ctx, group.community, { by: 'group' });
    if (outcome instanceof JoinedCommunity) {
      await runStatement(ctx.em, `${insertIgnoreInto(ctx.em)} wechat_group_member (group_id, member_id, created_at) values (?, ?, ?)`, [group.id, outcome.member.id, this.clock.now()]);
    }
    return outcome;
  }

  /** Admin: binds the chat the admin opened the mini-program from to this community (other bindings stay). */
  async bind(ctx: ServiceContext, communityId: number, encryptedData: string, iv: string): Promise<WeChatGroupBound | ErrorResult> {
    const openGid = await this.readOpenGid(ctx, encryptedData, iv);
    if (openGid instanceof ErrorResult) return openGid;
    const community = await ctx.em.findOneOrFail(Community, communityId);
    const existing = await ctx.em.count(WeChatGroup, { openGid, community });
    if (!existing) {
      await runStatement(ctx.em, `${insertIgnoreInto(ctx.em)} wechat_group (community_id, open_gid, bound_by_id, created_at) values (?, ?, ?, ?)`, [
        communityId,
        openGid,
        requireUserId(ctx),
        this.clock.now(),
      ]);
    }
    const otherCommunities = await ctx.em.count(WeChatGroup, { openGid, community: { $ne: communityId } });
    return Object.assign(new WeChatGroupBound(), { community, alreadyBound: existing > 0, otherCommunities });
  }

  /** Admin: removes this community's binding of a chat (the chat's other bindings stay). */
  async unbind(ctx: ServiceContext, communityId: number, groupId: number): Promise<WeChatGroupUnbound | ErrorResult> {
    const removed = await runStatement(ctx.em, 'delete from wechat_group where id = ? and community_id = ?', [groupId, communityId]);
    if (removed.affectedRows === 0) return new GroupNotBound('这个群没有绑定本社群');
    return Object.assign(new WeChatGroupUnbound(), { groupId: String(groupId) });
  }

  /** Admin: the chats bound to the community. */
  async boundGroups(ctx: ServiceContext, communityId: number, first: number): Promise<BoundWeChatGroup[]> {
    const rows = await selectRows<{ id: number; createdAt: Date | string; nickname: string | null; fromChat: number; others: number }>(
      ctx.em,
      `select g.id, g.created_at as createdAt, u.nickname,
              (select count(*) from wechat_group_member gm where gm.group_id = g.id) as fromChat,
              (select count(*) from wechat_group o where o.open_gid = g.open_gid and o.community_id <> g.community_id) as others
         from wechat_group g join app_user u on u.id = g.bound_by_id
        where g.community_id = ? order by g.id desc limit ?`,
      [communityId, first],
    );
    return rows.map((row) =>
      Object.assign(new BoundWeChatGroup(), {
        id: String(row.id),
        boundAt: new Date(row.createdAt),
        boundByNickname: row.nickname,
        membersFromThisChat: Number(row.fromChat),
        otherCommunities: Number(row.others),
      }),
    );
  }

  /** The only binding, or the only one the caller already belongs to; undefined when the member must choose. */
  private async obviousChoice(ctx: ServiceContext, groups: WeChatGroup[]): Promise<WeChatGroup | undefined> {
    if (groups.length <= 1) return groups[0];
    const ids = groups.map((g) => g.community.id);
    const memberOf = await selectRows<{ communityId: number }>(
      ctx.em,
      `select community_id as communityId from member where user_id = ? and status in (?, ?) and community_id in (${placeholders(ids.length)})`,
      [requireUserId(ctx), MemberStatus.ACTIVE, MemberStatus.APPLICANT, ...ids],
    );
    return memberOf.length === 1 ? groups.find((g) => g.community.id === Number(memberOf[0].communityId)) : undefined;
  }

  private async choices(ctx: ServiceContext, groups: WeChatGroup[]): Promise<GroupCommunityChoice[]> {
    const ids = groups.map((g) => g.id);
    const rows = await selectRows<{ groupId: number; communityId: number; name: string; owner: string | null; fromChat: number; members: number; boundAt: Date | string }>(
      ctx.em,
      `select g.id as groupId, c.id as communityId, c.name, g.created_at as boundAt,
              (select u.nickname from member o join app_user u on u.id = o.user_id where o.community_id = c.id and o.role = ? order by o.id limit 1) as owner,
              (select count(*) from wechat_group_member gm join member m on m.id = gm.member_id where gm.group_id = g.id and m.status = ?) as fromChat,
              (select count(*) from member m where m.community_id = c.id and m.status = ?) as members
         from wechat_group g join community c on c.id = g.community_id
        where g.id in (${placeholders(ids.length)})
        order by fromChat desc, g.created_at, g.id limit ?`,
      [MemberRole.OWNER, MemberStatus.ACTIVE, MemberStatus.ACTIVE, ...ids, MAX_GROUP_CHOICES],
    );
    return rows.map((row) =>
      Object.assign(new GroupCommunityChoice(), {
        communityId: String(row.communityId),
        name: row.name,
        ownerNickname: row.owner,
        membersFromThisChat: Number(row.fromChat),
        memberCount: Number(row.members),
        boundAt: new Date(row.boundAt),
      }),
    );
  }

  /** Decrypts with the caller's own session_key; any refusal is a typed InvalidGroupData. */
  private async readOpenGid(ctx: ServiceContext, encryptedData: string, iv: string): Promise<string | ErrorResult> {
    const sessionKey = await this.auth.sessionKeyOf(ctx, requireUser(ctx));
    if (!sessionKey) return new InvalidGroupData(REFUSAL_MESSAGES.NO_SESSION);
    try {
      const payload = decryptWeChatData(encryptedData, iv, sessionKey, this.settings.appId, this.clock.now());
      return openGidOf(payload) ?? new InvalidGroupData(REFUSAL_MESSAGES.NO_GROUP);
    } catch (error) {
      if (error instanceof WeChatDataError) return new InvalidGroupData(REFUSAL_MESSAGES[error.reason]);
      throw error;
    }
  }
}
