import type { EntityManager } from '@mikro-orm/knex';
import { Community } from '../community/community.entity';
import { selectRows } from '../db/sql';
import type { ExportSource } from '../export/export.service';
import { localDateTime, yuan } from '../export/format-cells';
import type { Sheet } from '../export/spreadsheet';

const STATUS_LABELS: Record<string, string> = { OPEN: '待支付', PAID: '已支付', CLOSED: '已关闭', REFUNDING: '退款中', REFUNDED: '已退款' };
const REFUND_LABELS: Record<string, string> = { SUBMITTING: '提交中', PROCESSING: '处理中', SUCCESS: '已退款', ABNORMAL: '退款异常', CLOSED: '退款关闭' };

interface OrderRow {
  orderNo: string;
  amountFen: number;
  status: string;
  transactionId: string | null;
  nickname: string | null;
  createdAt: Date | string;
  paidAt: Date | string | null;
  refundNo: string | null;
  refundStatus: string | null;
  refundReason: string | null;
  settledAt: Date | string | null;
}

/** 入群费订单: every order of a community with its refund, amounts in 元 (from integer fen). */
export const paymentOrdersExport: ExportSource = {
  kind: 'payment-orders',
  label: '入群费订单',

  async describe(em: EntityManager, id: number) {
    const community = await em.findOne(Community, id);
    return community && { communityId: community.id, title: community.name, timezone: community.timezone };
  },

  async sheet(em: EntityManager, id: number, timezone: string): Promise<Sheet> {
    const rows = await selectRows<OrderRow>(
      em,
      `select o.order_no as orderNo, o.amount_fen as amountFen, o.status, o.transaction_id as transactionId, u.nickname,
              o.created_at as createdAt, o.paid_at as paidAt, r.refund_no as refundNo, r.status as refundStatus, r.reason as refundReason, r.settled_at as settledAt
         from payment_order o join app_user u on u.id = o.user_id left join payment_refund r on r.order_id = o.id
        where o.community_id = ? order by o.id desc`,
      [id],
    );
    // To the second: WeChat Pay's bills are matched against these times.
    const at = (value: Date | string | null) => localDateTime(value, timezone, 'second');
    return {
      name: '入群费订单',
      columns: [
        { header: '订单号', width: 30 },
        { header: '金额（元）', width: 10 },
        { header: '状态', width: 8 },
        { header: '微信支付单号', width: 32 },
        { header: '付款人', width: 14 },
        { header: '下单时间', width: 20 },
        { header: '支付时间', width: 20 },
        { header: '退款单号', width: 30 },
        { header: '退款状态', width: 10 },
        { header: '退款原因', width: 24 },
        { header: '退款完成时间', width: 20 },
      ],
      rows: rows.map((row) => [
        row.orderNo,
        yuan(Number(row.amountFen)),
        STATUS_LABELS[row.status] ?? row.status,
        row.transactionId ?? '',
        row.nickname ?? '',
        at(row.createdAt),
        at(row.paidAt),
        row.refundNo ?? '',
        row.refundStatus ? (REFUND_LABELS[row.refundStatus] ?? row.refundStatus) : '',
        row.refundReason ?? '',
        at(row.settledAt),
      ]),
    };
  },
};
