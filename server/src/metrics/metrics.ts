import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Operation names become labels only while there are at most this many of them: a client names its operations. */
const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** The one label of anonymous operations, of names that are not names, and of names past the limit. */
export const OTHER_OPERATION = '_other';

export interface PoolUse {
  inUse: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface OutboxBacklog {
  /** Messages a sender may claim now (queued and due, or claimed by a sender whose lease ran out). */
  due: number;
  /** When the oldest of them became due; null when none is. */
  oldestDueAt: Date | null;
}

/**
 * The server's Prometheus metrics (prom-client), one registry per server: what an operator watches —
 * requests and latency per GraphQL operation, errors by code, business refusals by errorCode, failed
 * WeChat and WeChat Pay calls by errcode, the database pool, the notification outbox, rate-limit refusals,
 * and Node's own process metrics. Served on METRICS_PORT only (metrics-server.ts), never on the public
 * port. Labels are bounded: operation names (at most MAX_OPERATION_LABELS, the rest `_other`: the
 * mini-program's documents have about 90), error and refusal codes (the server's own), WeChat's errcodes,
 * rate-limit rules (three). docs/operations.md lists them with the alerts to set.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operationLabels = new Set<string>();
  private readonly requests = new Counter({ name: 'qunyou_graphql_requests_total', help: 'GraphQL requests by operation name', labelNames: ['operation'], registers: [this.registry] });
  private readonly duration = new Histogram({
    name: 'qunyou_graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name, from the parsed request to the answer',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly errors = new Counter({ name: 'qunyou_graphql_errors_total', help: 'GraphQL errors answered, by the code the client sees', labelNames: ['code'], registers: [this.registry] });
  private readonly refusals = new Counter({
    name: 'qunyou_business_refusals_total',
    help: 'Expected business refusals answered (ErrorResult members), by errorCode',
    labelNames: ['errorCode'],
    registers: [this.registry],
  });
  private readonly outboundFailures = new Counter({
    name: 'qunyou_wechat_call_errors_total',
    help: "Failed calls to WeChat and WeChat Pay, by call and WeChat's errcode (WeChat Pay's code; unreachable: no answer)",
    labelNames: ['call', 'errcode'],
    registers: [this.registry],
  });
  private readonly rateLimitRefusals = new Counter({ name: 'qunyou_rate_limit_refusals_total', help: 'Calls refused by a rate limit, by rule', labelNames: ['rule'], registers: [this.registry] });
  private readonly mediaUploads = new Counter({
    name: 'qunyou_media_uploads_total',
    help: 'Image uploads (POST /media) by outcome: stored, or the refusal code',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** A GraphQL request answered, `seconds` after it started. */
  observeRequest(operationName: string | null | undefined, seconds: number): void {
    const operation = this.operationLabel(operationName);
    this.requests.inc({ operation });
    this.duration.observe({ operation }, seconds);
  }

  countError(code: unknown): void {
    this.errors.inc({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' });
  }

  countRefusal(errorCode: string): void {
    this.refusals.inc({ errorCode });
  }

  countOutboundFailure(call: string, errcode: string): void {
    this.outboundFailures.inc({ call, errcode });
  }

  countRateLimitRefusal(rule: string): void {
    this.rateLimitRefusals.inc({ rule });
  }

  /** `stored`, or the refusal's code (the route's own codes: bounded). */
  countMediaUpload(outcome: string): void {
    this.mediaUploads.inc({ outcome });
  }

  /** The database pool, read at each scrape. */
  observePool(read: () => PoolUse | null): void {
    const gauge = (name: string, help: string, value: (use: PoolUse) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const use = read();
          this.set(use ? value(use) : Number.NaN);
        },
      });
    gauge('qunyou_db_pool_in_use', 'Database connections lent out', (use) => use.inUse);
    gauge('qunyou_db_pool_idle', 'Database connections open and idle', (use) => use.idle);
    gauge('qunyou_db_pool_waiting', 'Requests waiting for a database connection', (use) => use.waiting);
    gauge('qunyou_db_pool_max', 'Database pool size limit', (use) => use.max);
  }

  /** The notification outbox, read from the database at each scrape (NaN while it cannot be read). */
  observeOutbox(read: () => Promise<OutboxBacklog>, now: () => Date): void {
    // The two gauges of one scrape (collected together) share one read.
    let pending: Promise<OutboxBacklog | null> | null = null;
    const backlog = () =>
      (pending ??= read()
        .catch(() => null)
        .finally(() => {
          pending = null;
        }));
    new Gauge({
      name: 'qunyou_outbox_due',
      help: 'Notification messages due to be sent now',
      registers: [this.registry],
      async collect() {
        const read = await backlog();
        this.set(read ? read.due : Number.NaN);
      },
    });
    new Gauge({
      name: 'qunyou_outbox_oldest_due_age_seconds',
      help: 'How long the oldest due notification message has waited (0 when none is due)',
      registers: [this.registry],
      async collect() {
        const read = await backlog();
        this.set(read ? (read.oldestDueAt ? Math.max(0, (now().getTime() - read.oldestDueAt.getTime()) / 1000) : 0) : Number.NaN);
      },
    });
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name || !OPERATION_NAME.test(name)) return OTHER_OPERATION;
    if (this.operationLabels.has(name)) return name;
    if (this.operationLabels.size >= MAX_OPERATION_LABELS) return OTHER_OPERATION;
    this.operationLabels.add(name);
    return name;
  }
}
