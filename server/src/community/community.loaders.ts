import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { byIds } from '../db/by-ids';
import { placeholders, selectRows } from '../db/sql';
import { MemberStatus } from '../member/member.enums';
import { Community } from './community.entity';

export function communityLoaders(em: EntityManager) {
  return {
    community: new DataLoader<number, Community | null>(async (ids) => byIds(await em.find(Community, { id: { $in: [...ids] } }), ids)),
    /** Both counts of a community in one statement: the home page shows them together. */
    communityCounts: new DataLoader<number, { members: number; groups: number }>(async (ids) => {
      const rows = await selectRows<{ id: number; members: number; groups: number }>(
        em,
        `select c.id,
                (select count(*) from member m where m.community_id = c.id and m.status = ?) as members,
                (select count(*) from wechat_group g where g.community_id = c.id) as ` + "`groups`" + `
           from community c where c.id in (${placeholders(ids.length)})`,
        [MemberStatus.ACTIVE, ...ids],
      );
      const map = new Map(rows.map((row) => [Number(row.id), { members: Number(row.members), groups: Number(row.groups) }]));
      return ids.map((id) => map.get(id) ?? { members: 0, groups: 0 });
    }),
  };
}
