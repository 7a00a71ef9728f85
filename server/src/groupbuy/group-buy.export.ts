import type { EntityManager } from '@mikro-orm/knex';
import type { ExportSource } from '../export/export.service';
import { localDateTime, yuan, YUAN_FORMAT } from '../export/format-cells';
import type { Sheet } from '../export/spreadsheet';
import { GroupBuyEntry, LIVE } from './group-buy-entry.entity';
import { GroupBuy } from './group-buy.entity';

/** The 接龙 list as the admin hands it to the shop: one row per live entry, by 接龙号. */
export const groupBuyExport: ExportSource = {
  kind: 'group-buy',
  label: '团购接龙',

  async describe(em: EntityManager, id: number) {
    const groupBuy = await em.findOne(GroupBuy, id, { populate: ['community'] });
    return groupBuy && { communityId: groupBuy.community.id, title: groupBuy.title, timezone: groupBuy.community.timezone };
  },

  async sheet(em: EntityManager, id: number, timezone: string): Promise<Sheet> {
    const groupBuy = await em.findOneOrFail(GroupBuy, id);
    const entries = await em.find(GroupBuyEntry, { groupBuy: id, liveKey: LIVE }, { orderBy: { seq: 'asc' }, populate: ['member.user'] });
    return {
      name: '接龙名单',
      columns: [
        { header: '接龙号', width: 8 },
        { header: '昵称', width: 20 },
        { header: '数量', width: 8 },
        { header: '单价（元）', numFmt: YUAN_FORMAT },
        { header: '金额（元）', numFmt: YUAN_FORMAT },
        { header: '备注', width: 30 },
        { header: '已取货', width: 8 },
        { header: '接龙时间', width: 18 },
      ],
      rows: entries.map((entry) => [
        entry.seq,
        entry.member.user.nickname ?? `成员${entry.member.id}`,
        entry.quantity,
        yuan(groupBuy.priceFen),
        yuan(groupBuy.priceFen * entry.quantity),
        entry.note ?? null,
        entry.pickedUp ? '是' : '否',
        localDateTime(entry.createdAt, timezone),
      ]),
    };
  },
};
