import type { RequestContext } from '../context';
import { isErrorResult } from '../common/error-result';
import type { User } from '../user/user.entity';
import { AuditLog } from './audit-log.entity';

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

export class AuditService {
  async record(ctx: RequestContext, event: AuditEvent): Promise<void> {
    const targetKey = Object.keys(event.args).find((key) => key.endsWith('Id') && !NOT_TARGETS.has(key));
    await ctx.em.insert(AuditLog, {
      community: event.communityId,
      actor: event.actor,
      action: event.action,
      targetType: targetKey ? targetKey.slice(0, -2) : 'community',
      targetId: String(targetKey ? event.args[targetKey] : event.communityId),
      outcome: isErrorResult(event.result) ? event.result.errorCode : 'OK',
      detail: summarizeArgs(event.args),
      createdAt: ctx.services.clock.now(),
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
