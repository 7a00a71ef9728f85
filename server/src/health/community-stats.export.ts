import type { EntityManager } from '@mikro-orm/knex';
import { Community } from '../community/community.entity';
import type { ExportOptions, ExportSource } from '../export/export.service';
import type { Sheet } from '../export/spreadsheet';
import { CommunityStatsService } from './community-stats.service';

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/** 社群数据: the dashboard's totals, then one row per date, as the operator shares it. */
export const communityStatsExport: ExportSource = {
  kind: 'community-stats',
  label: '社群数据',

  async describe(em: EntityManager, id: number) {
    const community = await em.findOne(Community, id);
    return community && { communityId: community.id, title: community.name, timezone: community.timezone };
  },

  async sheet(em: EntityManager, id: number, _timezone: string, options?: ExportOptions): Promise<Sheet> {
    const community = await em.findOneOrFail(Community, id);
    const stats = await new CommunityStatsService().stats(em, community, options?.from ?? '', options?.to ?? '');
    const totals: Array<[string, string | number]> = [
      ['统计区间', `${stats.from} 至 ${stats.to}`],
      ['成员总数', stats.totalMembers],
      ['新增成员', stats.newMembers],
      ['活跃成员', stats.activeMembers],
      ['签到次数', stats.checkIns],
      ['签到率', percent(stats.checkInRate)],
      ['新人 7 日留存', percent(stats.retention7)],
      ['发放积分', stats.pointsIssued],
      ['消耗积分', stats.pointsSpent],
      ['发券', stats.couponsIssued],
      ['核销', stats.couponsUsed],
      ['核销率', percent(stats.redemptionRate)],
      ['团购参与', stats.groupBuyParticipants],
      ['团购金额（元）', stats.groupBuyAmountFen / 100],
      ['活动报名', stats.signups],
      ['待审核申请', stats.pendingApplications],
    ];
    return {
      name: '社群数据',
      columns: [
        { header: '日期', width: 14 },
        { header: '签到', width: 8 },
        { header: '活跃成员', width: 10 },
        { header: '新增成员', width: 10 },
        { header: '发放积分', width: 10 },
        { header: '消耗积分', width: 10 },
        { header: '发券', width: 8 },
        { header: '核销', width: 8 },
      ],
      rows: [
        ...stats.days.map((day) => [day.date, day.checkIns, day.activeMembers, day.newMembers, day.pointsIssued, day.pointsSpent, day.couponsIssued, day.couponsUsed]),
        [],
        ...totals.map(([label, value]) => [label, value]),
      ],
    };
  },
};
