import type { FilterQuery } from '@mikro-orm/core';
import type { ServiceContext } from '../service-context';
import { isErrorResult } from '../graphql/error-result';
import { beforeIdCursor, encodeCursor, pageOf } from '../graphql/cursor-page';
import { badInput } from '../graphql/graphql-errors';
import { addDays, isDate, localMidnight } from '../common/local-date';
import type { User } from '../user/user.entity';
import { AuditLog } from './audit-log.entity';
import type { AuditLogConnection } from './audit.types';
import type { Clock } from '../common/clock';

/** Arguments that never belong in the audit log (ciphertext, one-time codes). */
const REDACTED_ARGS = new Set(['encryptedData', 'iv', 'code']);
const NOT_TARGETS = new Set(['communityId', 'requestId']);

export interface AuditEvent {
  communityId: number;
  actor: User;
  action: string;
  args: Record<string, unknown>;
  result: unknown;
}

export interface AuditLogFilter {
  first: number;
  after?: string | null;
  action?: string | null;
  operatorId?: number | null;
  /** Community-local dates, inclusive. */
  from?: string | null;
  to?: string | null;
}

const CURSOR = 'al';

export class AuditService {
  constructor(
    private readonly clock: Clock,
  ) {}

  /** Newest first by cursor (the row id), so pages stay stable while admins keep acting. */
  async page(ctx: ServiceContext, communityId: number, filter: AuditLogFilter): Promise<AuditLogConnection> {
    const tz = (await ctx.loaders.community.load(communityId))!.timezone;
    for (const [field, value] of [['from', filter.from], ['to', filter.to]] as const) {
      if (value && !isDate(value)) throw badInput('日期格式应为 YYYY-MM-DD', field);
    }
    const createdAt = {
      ...(filter.from ? { $gte: localMidnight(filter.from, tz) } : {}),
      ...(filter.to ? { $lt: localMidnight(addDays(filter.to, 1), tz) } : {}),
    };
    const where: FilterQuery<AuditLog> = {
      community: communityId,
      ...beforeIdCursor(CURSOR, filter.after),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.operatorId ? { actor: filter.operatorId } : {}),
      ...(filter.from || filter.to ? { createdAt } : {}),
    };
    const rows = await ctx.em.find(AuditLog, where, { orderBy: { id: 'desc' }, limit: filter.first + 1 });
    return pageOf(rows, filter.first, (row) => encodeCursor(CURSOR, row.id), (row) => row);
  }

  async record(ctx: ServiceContext, event: AuditEvent): Promise<void> {
    const targetKey = Object.keys(event.args).find((key) => key.endsWith('Id') && !NOT_TARGETS.has(key));
    await ctx.em.insert(AuditLog, {
      community: event.communityId,
      actor: event.actor,
      action: event.action,
      targetType: targetKey ? targetKey.slice(0, -2) : 'community',
      targetId: String(targetKey ? event.args[targetKey] : event.communityId),
      outcome: isErrorResult(event.result) ? event.result.errorCode : 'OK',
      detail: summarizeArgs(event.args),
      createdAt: this.clock.now(),
    });
  }
}

function summarizeArgs(args: Record<string, unknown>): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    if (REDACTED_ARGS.has(key)) continue;
    const json = JSON.stringify(value);
    summary[key] = json !== undefined && json.length > 500 ? `${json.slice(0, 500)}…` : value;
  }
  return summary;
}
