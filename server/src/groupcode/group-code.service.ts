import { randomBytes } from 'node:crypto';
import type { Clock } from '../common/clock';
import { addDays, isDate, localDate } from '../common/local-date';
import { Community } from '../community/community.entity';
import { runStatement, selectRows } from '../db/sql';
import { inTransaction } from '../db/transaction';
import { badInput } from '../graphql/graphql-errors';
import { parseId } from '../graphql/ids';
import { Media } from '../media/media.entity';
import { MediaPurpose } from '../media/media.enums';
import type { MediaService } from '../media/media.service';
import type { ServiceContext } from '../service-context';
import { requireUserId } from '../auth/require-user';
import { publicPathOf } from './group-code-admins';
import { GroupCode as GroupCodeRow, GroupCodeGroup as GroupCodeGroupRow } from './group-code.entity';
import { CreateGroupCodeInput, DEFAULT_SWITCH_AFTER_SCANS, GroupCode, GroupCodeDayViews, GroupCodeGroup } from './group-code.types';

/** A group QR is made for 7 days; a date further than this is a typo. */
const LATEST_EXPIRY_DAYS = 366;

/** The admin side of 群活码: create, list, replace a group's QR (its count starts again), views per group per day. */
export class GroupCodeService {
  constructor(
    private readonly clock: Clock,
    private readonly media: MediaService,
  ) {}

  async create(ctx: ServiceContext, communityId: number, input: CreateGroupCodeInput): Promise<GroupCode> {
    const today = await this.today(ctx, communityId);
    const groups: Array<{ name: string; mediaId: number; qrExpiresOn: string; switchAfterScans: number }> = [];
    for (const [index, group] of input.groups.entries()) {
      const field = `input.groups.${index}`;
      checkExpiry(group.qrExpiresOn, today, `${field}.qrExpiresOn`);
      const media = await this.claimQr(ctx, communityId, group.qrMediaId, `${field}.qrMediaId`);
      groups.push({ name: group.name.trim(), mediaId: media.id, qrExpiresOn: group.qrExpiresOn, switchAfterScans: group.switchAfterScans ?? DEFAULT_SWITCH_AFTER_SCANS });
    }
    const now = this.clock.now();
    const slug = randomBytes(16).toString('base64url');
    const codeId = await inTransaction(ctx, async (em) => {
      const id = await em.insert(GroupCodeRow, { community: communityId, slug, name: input.name.trim(), createdBy: requireUserId(ctx), createdAt: now });
      await em.insertMany(
        GroupCodeGroupRow,
        groups.map((group, position) => ({
          groupCode: id,
          position,
          name: group.name,
          qrMedia: group.mediaId,
          qrExpiresOn: group.qrExpiresOn,
          switchAfterScans: group.switchAfterScans,
          createdAt: now,
        })),
      );
      return Number(id);
    });
    const [created] = await this.codes(ctx, communityId, { ids: [codeId] });
    return created;
  }

  /** Admin: the community's live codes, newest first. */
  list(ctx: ServiceContext, communityId: number, first: number): Promise<GroupCode[]> {
    return this.codes(ctx, communityId, { first });
  }

  /** Admin: one live code. */
  async one(ctx: ServiceContext, groupCodeId: number): Promise<GroupCode> {
    const code = await ctx.em.findOneOrFail(GroupCodeRow, groupCodeId);
    const [found] = await this.codes(ctx, code.community.id, { ids: [groupCodeId] });
    return found;
  }

  /** Admin: a group's new QR (the old one expired or the group filled): its scans start again from 0. */
  async replaceQr(ctx: ServiceContext, groupId: number, qrMediaId: string, qrExpiresOn: string): Promise<GroupCode> {
    const [group] = await selectRows<{ codeId: number; communityId: number }>(
      ctx.em,
      'select g.group_code_id as "codeId", gc.community_id as "communityId" from group_code_group g join group_code gc on gc.id = g.group_code_id where g.id = ?',
      [groupId],
    );
    const communityId = Number(group.communityId);
    checkExpiry(qrExpiresOn, await this.today(ctx, communityId), 'qrExpiresOn');
    const media = await this.claimQr(ctx, communityId, qrMediaId, 'qrMediaId');
    const now = this.clock.now();
    await inTransaction(ctx, async (em) => {
      await runStatement(em, 'update group_code_group set qr_media_id = ?, qr_expires_on = ?, scans = 0, qr_replaced_at = ? where id = ?', [media.id, qrExpiresOn, now, groupId]);
      await runStatement(em, 'update group_code set exhausted_at = null where id = ?', [group.codeId]);
    });
    const [code] = await this.codes(ctx, communityId, { ids: [Number(group.codeId)] });
    return code;
  }

  /** Admin: views per group per community-local day, the last `days` days, newest first. */
  async stats(ctx: ServiceContext, groupCodeId: number, days: number): Promise<GroupCodeDayViews[]> {
    const [code] = await selectRows<{ communityId: number }>(ctx.em, 'select community_id as "communityId" from group_code where id = ?', [groupCodeId]);
    const today = await this.today(ctx, Number(code.communityId));
    const rows = await selectRows<{ day: string; groupId: number; groupName: string; views: number }>(
      ctx.em,
      `select v.day, v.group_id as "groupId", g.name as "groupName", v.views from group_code_view_day v join group_code_group g on g.id = v.group_id
        where v.group_code_id = ? and v.day > ? order by v.day desc, g.position`,
      [groupCodeId, addDays(today, -days)],
    );
    return rows.map((row) => Object.assign(new GroupCodeDayViews(), { day: row.day, groupId: String(row.groupId), groupName: row.groupName, views: Number(row.views) }));
  }

  private async codes(ctx: ServiceContext, communityId: number, which: { ids: number[] } | { first: number }): Promise<GroupCode[]> {
    const today = await this.today(ctx, communityId);
    const codes = await ctx.em.find(
      GroupCodeRow,
      'ids' in which ? { id: { $in: which.ids }, community: communityId } : { community: communityId },
      { orderBy: { id: 'desc' }, limit: 'first' in which ? which.first : undefined, refresh: true },
    );
    if (codes.length === 0) return [];
    const groups = await ctx.em.find(GroupCodeGroupRow, { groupCode: { $in: codes.map((code) => code.id) } }, { orderBy: { position: 'asc' }, populate: ['qrMedia'], refresh: true });
    const views = await Promise.all(
      groups.map(async (group) =>
        Object.assign(new GroupCodeGroup(), {
          id: String(group.id),
          codeId: group.groupCode.id,
          name: group.name,
          scans: group.scans,
          qrExpiresOn: group.qrExpiresOn,
          switchAfterScans: group.switchAfterScans,
          qrUrl: (await this.media.imageOf(group.qrMedia as Media)).url,
          showable: group.qrExpiresOn > today && group.scans < group.switchAfterScans,
        }),
      ),
    );
    return codes.map((code) => {
      const own = views.filter((group) => group.codeId === code.id);
      return Object.assign(new GroupCode(), {
        id: String(code.id),
        slug: code.slug,
        name: code.name,
        path: publicPathOf(code.slug),
        groups: own,
        exhausted: !own.some((group) => group.showable),
      });
    });
  }

  private async today(ctx: ServiceContext, communityId: number): Promise<string> {
    const community = await ctx.em.findOneOrFail(Community, communityId);
    return localDate(this.clock.now(), community.timezone);
  }

  private claimQr(ctx: ServiceContext, communityId: number, mediaId: string, field: string): Promise<Media> {
    return this.media.claim(ctx, parseId(mediaId, field), { purposes: [MediaPurpose.GROUP_QR], communityId, field });
  }
}

/** A real date after today (the QR is not shown on its expiry day) and within a year. */
function checkExpiry(qrExpiresOn: string, today: string, field: string): void {
  if (!isDate(qrExpiresOn)) throw badInput('二维码有效期不是有效的日期', field);
  if (qrExpiresOn <= today) throw badInput('二维码有效期须晚于今天（到期当天不再展示）', field);
  if (qrExpiresOn > addDays(today, LATEST_EXPIRY_DAYS)) throw badInput('二维码有效期不能超过一年', field);
}
