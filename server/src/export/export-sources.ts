import { groupBuyExport } from '../groupbuy/group-buy.export';
import { signupExport } from '../signup/signup.export';
import { communityStatsExport } from '../health/community-stats.export';
import { paymentOrdersExport } from '../payment/payment-orders.export';
import type { ExportSource } from './export.service';

/** Everything a download link may stand for. */
export const EXPORT_SOURCES: ExportSource[] = [groupBuyExport, signupExport, communityStatsExport, paymentOrdersExport];
