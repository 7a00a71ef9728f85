import type { EntityManager } from '@mikro-orm/knex';
import type { Clock } from '../common/clock';
import { localDate } from '../common/local-date';
import { commitIfChanged, isMySql, runStatement, selectRows, SqlTarget } from '../db/sql';
import { inSqlTransaction, inTransaction } from '../db/transaction';
import { Media } from '../media/media.entity';
import { MediaStatus } from '../media/media.enums';
import type { MediaService } from '../media/media.service';
import { groupCodeExhaustedDraft } from '../notification/notification-drafts';
import type { NotificationService } from '../notification/notification.service';
import type { ServiceContext } from '../service-context';
import { adminPageOf, adminsOf } from './group-code-admins';
import { GroupCodeTarget, GroupCodeView } from './group-code.types';

interface Candidate {
  id: number;
  name: string;
  mediaId: number;
}

/** Candidate lists read before a view's conditional updates can be stale; a view reads again this often before it says none is left. */
const READS = 3;

/**
 * The public side of a live code: `view` picks the first group (by position) whose QR has not expired
 * (the community-local date is before `qr_expires_on`) and whose scans are below its threshold, and counts
 * the view against it with a conditional UPDATE (`scans < switch_after_scans`). InnoDB evaluates the
 * condition on the locked row, so however many views arrive at once, on however many processes, no group
 * ever passes its threshold: the bound is 0 over. A view whose group filled meanwhile tries the next.
 */
export class GroupCodeViewService {
  constructor(
    private readonly clock: Clock,
    private readonly media: MediaService,
    private readonly notifications: NotificationService,
  ) {}

  async view(ctx: ServiceContext, slug: string): Promise<GroupCodeView | null> {
    const [code] = await selectRows<{ id: number; name: string; communityId: number; timezone: string }>(
      ctx.em,
      `select gc.id, gc.name, gc.community_id as "communityId", c.timezone from group_code gc join community c on c.id = gc.community_id where gc.slug = ?`,
      [slug],
    );
    if (!code) return null;
    const codeId = Number(code.id);
    const today = localDate(this.clock.now(), code.timezone);
    for (let read = 0; read < READS; read += 1) {
      const candidates = await this.candidates(ctx.em, codeId, today);
      if (candidates.length === 0) break;
      for (const candidate of candidates) {
        if (await this.countView(ctx, codeId, candidate.id, today)) {
          const media = await ctx.em.findOneOrFail(Media, candidate.mediaId);
          const { url } = await this.media.imageOf(media);
          const current = Object.assign(new GroupCodeTarget(), { name: candidate.name, qrUrl: url });
          return Object.assign(new GroupCodeView(), { name: code.name, current, exhausted: false });
        }
      }
    }
    await this.tellExhausted(ctx, codeId, Number(code.communityId));
    return Object.assign(new GroupCodeView(), { name: code.name, current: null, exhausted: true });
  }

  private async candidates(em: EntityManager, codeId: number, today: string): Promise<Candidate[]> {
    const rows = await selectRows<Candidate>(
      em,
      `select g.id, g.name, g.qr_media_id as "mediaId" from group_code_group g join media m on m.id = g.qr_media_id
        where g.group_code_id = ? and g.qr_expires_on > ? and g.scans < g.switch_after_scans and m.status = ?
        order by g.position`,
      [codeId, today, MediaStatus.ACTIVE],
    );
    return rows.map((row) => ({ id: Number(row.id), name: row.name, mediaId: Number(row.mediaId) }));
  }

  /** One view against the group if it still admits: its scan and the day's view count commit together (one round trip on MySQL). */
  private async countView(ctx: ServiceContext, codeId: number, groupId: number, today: string): Promise<boolean> {
    const now = this.clock.now();
    return inSqlTransaction(ctx, async (tx) => {
      const take = {
        sql: 'update group_code_group set scans = scans + 1 where id = ? and scans < switch_after_scans and qr_expires_on > ?',
        params: [groupId, today],
      };
      const { changed } = await commitIfChanged(tx, take, (when) => [viewDayUpsert(tx, { codeId, groupId, day: today, now }, when)]);
      return changed;
    });
  }

  /** The first view that finds nothing left marks the code exhausted and tells the admins, in one transaction: once per exhaustion. */
  private async tellExhausted(ctx: ServiceContext, codeId: number, communityId: number): Promise<void> {
    const now = this.clock.now();
    await inTransaction(ctx, async (em) => {
      const { affectedRows } = await runStatement(em, 'update group_code set exhausted_at = ?, exhaustions = exhaustions + 1 where id = ? and exhausted_at is null', [now, codeId]);
      if (affectedRows !== 1) return;
      const [code] = await selectRows<{ name: string; exhaustions: number }>(em, 'select name, exhaustions from group_code where id = ?', [codeId]);
      const page = adminPageOf(communityId);
      const drafts = (await adminsOf(em, communityId)).map((admin) =>
        groupCodeExhaustedDraft(admin, { id: codeId, name: code.name, exhaustion: Number(code.exhaustions), page }),
      );
      await this.notifications.enqueue(em, drafts, now);
    });
  }
}

/** `+1` on the group's views of the day, inserted the first time; `when` gates it on the scan's update (MySQL), null elsewhere. */
function viewDayUpsert(target: SqlTarget, view: { codeId: number; groupId: number; day: string; now: Date }, when: string | null) {
  const values = 'select ?, ?, ?, ?, 1';
  const params = [view.now, view.codeId, view.groupId, view.day];
  const insert = 'insert into group_code_view_day (created_at, group_code_id, group_id, day, views)';
  if (isMySql(target)) return { sql: `${insert} ${values} from dual where ${when ?? '1 = 1'} on duplicate key update views = views + 1`, params };
  return { sql: `${insert} ${values} where 1 = 1 on conflict (group_id, day) do update set views = views + 1`, params };
}
