import type DataLoader from 'dataloader';
import type { MikroORM } from '@mikro-orm/core';
import { inKeyOrder } from '../db/by-ids';
import { readTogether } from '../db/read-together';
import { placeholders, selectRows } from '../db/sql';
import { MemberStatus } from '../member/member.enums';

export interface CommunityCountsView {
  /** Active members. */
  members: number;
  /** WeChat groups bound to the community. */
  groups: number;
}

/**
 * A community's counts as the home page shows them, both in one statement, read afresh every time
 * (a bound group or a new member shows at once) but shared by the requests of the same moment
 * (read-together.ts): every member opening the home page at 21:00 costs one count, not one each.
 */
export class CommunityCounts {
  private readonly counts: DataLoader<number, CommunityCountsView | undefined>;

  constructor(orm: MikroORM) {
    this.counts = readTogether(orm, async (em, ids) => {
      const unique = [...new Set(ids)];
      const rows = await selectRows<{ id: number; members: number; groups: number }>(
        em,
        `select c.id,
                (select count(*) from member m where m.community_id = c.id and m.status = ?) as members,
                (select count(*) from wechat_group g where g.community_id = c.id) as ` + '`groups`' + `
           from community c where c.id in (${placeholders(unique.length)})`,
        [MemberStatus.ACTIVE, ...unique],
      );
      const counts = rows.map((row) => ({ id: Number(row.id), members: Number(row.members), groups: Number(row.groups) }));
      return inKeyOrder(counts, ids, (row) => row.id);
    });
  }

  async of(communityId: number): Promise<CommunityCountsView> {
    return (await this.counts.load(communityId)) ?? { members: 0, groups: 0 };
  }
}
