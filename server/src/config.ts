import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The only module that reads process.env. Everything else receives an AppConfig. */
export type LoginMode = 'wechat' | 'dev';
export type DatabaseKind = 'mysql' | 'sqlite';

/** `points` per `durationSeconds` (a fixed window per key). */
export interface RateLimitSpec {
  points: number;
  durationSeconds: number;
}

export interface AppConfig {
  port: number;
  /** METRICS_PORT: `/metrics` (Prometheus) on a port of its own; null (unset) serves no metrics. */
  metricsPort: number | null;
  production: boolean;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For names the client address (rate limits per address). */
  trustProxy: string;
  /** `compiled`: each operation compiled once (graphql-jit); `reference`: graphql-js's execute (the two answer the same). */
  graphqlExecutor: 'compiled' | 'reference';
  rateLimits: {
    enabled: boolean;
    limits: {
      /** login calls per client address (each one is a code2Session call on the app's quota) */
      login: RateLimitSpec;
      /** mutations per logged-in user */
      mutations: RateLimitSpec;
      /** unknown join codes per client address (guessing) */
      joinCodeMisses: RateLimitSpec;
      /** image uploads (POST /media) per logged-in user */
      uploads: RateLimitSpec;
    };
  };
  database: { kind: DatabaseKind; url: string };
  wechat: {
    appId: string;
    secret: string;
    apiBase: string;
    loginMode: LoginMode;
    timeoutMs: number;
    /** msg_sec_check's own timeout: a member waits for it while saving; past it the text is stored for review. */
    textCheckTimeoutMs: number;
    /** WECHAT_PUSH_TOKEN: the Token of the mini-program's message push (signs POST /wechat/events); '' refuses every push. */
    pushToken: string;
  };
  session: { secret: string; ttlSeconds: number };
  /** Seed the demo community at start (npm start). */
  demo: boolean;
  /** POINTS_EXPIRY_EVERY_MS: how often each process runs the points expiry job (expire what is due, warn 30/7 days before); hourly by default, so a restart skips no day. */
  pointsExpiryEveryMs: number;
  /** Folder of the H5 build served at `/`. */
  h5Dir: string;
  logLevel: string;
  notifications: NotificationSettings;
  /** WeChat Pay API v3 (paid entry); null when not configured (entry fees are then refused, except under WECHAT_LOGIN=dev). */
  wechatPay: WeChatPaySettings | null;
  media: MediaSettings;
}

/** Uploaded images (POST /media) and where they are kept. */
export interface MediaSettings {
  /** MEDIA_STORAGE: `local` (files under `dir`, served by this server) or `s3` (any S3-protocol store). */
  storage: 'local' | 's3';
  /** MEDIA_DIR: the local driver's folder. */
  dir: string;
  /**
   * MEDIA_PUBLIC_BASE_URL: where public objects (avatars) are read from — a CDN in front of the bucket, or this
   * server's public origin + `/media`. Default: `/media` on this server (the mini-program prefixes its API origin).
   */
  publicBaseUrl: string;
  /** MEDIA_LINK_TTL_SECONDS: a community image's signed link lives at least this long, at most twice (1 hour). */
  linkTtlSeconds: number;
  s3: { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string } | null;
}

export interface WeChatPaySettings {
  mchid: string;
  /** Serial number of the merchant API certificate (the Authorization header names it). */
  serial: string;
  /** Paths of the merchant private key (PEM) and WeChat Pay's platform certificate (PEM). */
  privateKeyPath: string;
  platformCertPath: string;
  /** The APIv3 key: 32 characters, decrypts notification resources. */
  apiV3Key: string;
  apiBase: string;
  /** The public URL of POST /wechatpay/notify. */
  notifyUrl: string;
  timeoutMs: number;
  /** An unpaid order is closed after this long (WeChat's time_expire). */
  orderTtlSeconds: number;
  /** How often the reconciliation job runs, and how old an open order must be before it asks WeChat Pay. */
  reconcileEveryMs: number;
  reconcileAfterSeconds: number;
}

/** The subscription-message kinds; a kind without a template id is inbox-only. */
export const NOTIFICATION_KINDS = ['GROUPBUY_RESULT', 'COUPON_EXPIRING', 'APPLICATION_RESULT', 'SIGNUP_PROMOTED', 'POINTS_EXPIRING', 'CONTENT_WITHDRAWN', 'GROUP_QR_EXPIRING'] as const;
export type NotificationKindName = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationSettings {
  /** WECHAT_TEMPLATE_<KIND>: the WeChat template id per kind; absent = inbox only. */
  templates: Partial<Record<NotificationKindName, string>>;
  /** How often each process's sender job looks for due messages. */
  sendEveryMs: number;
  /** Rows one claim takes; sent this many at a time in parallel. */
  batchSize: number;
  concurrency: number;
  /** A claimed row no process finished is due again after this long (a crashed sender's rows). */
  claimLeaseMs: number;
  /** First retry delay of a transient failure; doubles per attempt, at most maxAttempts sends. */
  retryBaseMs: number;
  maxAttempts: number;
  /** How often the coupon-expiry reminder scan runs (it is idempotent: one message per coupon). */
  couponScanEveryMs: number;
  /** `miniprogram_state` of the sent cards: formal, trial or developer. */
  miniprogramState: string;
}

export class ConfigError extends Error {}

const NODE_ENVS = ['production', 'development', 'test'];

/**
 * Sized for a shop's members behind one carrier NAT at 21:00: hundreds of phones share one address, so
 * the per-address rules allow a crowd (300 logins a minute — a login lasts a week — and 30 wrong join
 * codes in 10 minutes, where the right code is never counted), while the per-user rule stops scripts.
 */
export const DEFAULT_RATE_LIMITS: AppConfig['rateLimits']['limits'] = {
  login: { points: 300, durationSeconds: 60 },
  mutations: { points: 120, durationSeconds: 60 },
  joinCodeMisses: { points: 30, durationSeconds: 600 },
  uploads: { points: 60, durationSeconds: 3600 },
};

function rateLimitFrom(variable: string, value: string | undefined, fallback: RateLimitSpec): RateLimitSpec {
  if (value === undefined || value === '') return fallback;
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) throw new ConfigError(`${variable} must be <points>/<seconds>, e.g. 300/60, not "${value}"`);
  return { points: Number(match[1]), durationSeconds: Number(match[2]) };
}

/** The repository root, whether this runs from server/src (tests) or server/dist/src. */
function findRepoRoot(start: string): string {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'server')) && existsSync(path.join(dir, 'miniprogram'))) return dir;
  }
  return process.cwd();
}
export const REPO_ROOT = findRepoRoot(__dirname);
export const DEFAULT_SQLITE_FILE = path.join(REPO_ROOT, 'data', 'qunyou.sqlite');

export function databaseFromUrl(url: string): AppConfig['database'] {
  if (/^mysql:\/\//i.test(url) || /^mariadb:\/\//i.test(url)) return { kind: 'mysql', url: url.replace(/^mariadb:/i, 'mysql:') };
  if (/^[a-z]+:\/\//i.test(url)) throw new ConfigError(`DATABASE_URL: unsupported scheme in ${url.split(':')[0]}://… (mysql:// or a SQLite file path)`);
  return { kind: 'sqlite', url: url.replace(/^(file|sqlite):/i, '') };
}

/** Just the database, for commands that need nothing else (`npm run db:migrate`). */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): AppConfig['database'] {
  return databaseFromUrl(env.DATABASE_URL || DEFAULT_SQLITE_FILE);
}

/**
 * @param env   the environment (process.env in production; tests pass their own)
 * @param opts  demo: `npm start` — dev login and demo data unless the environment says otherwise
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, opts: { demo?: boolean } = {}): AppConfig {
  if (env.NODE_ENV !== undefined && env.NODE_ENV !== '' && !NODE_ENVS.includes(env.NODE_ENV)) {
    throw new ConfigError(`NODE_ENV must be one of ${NODE_ENVS.join(', ')} (or unset), not "${env.NODE_ENV}"`);
  }
  const production = env.NODE_ENV === 'production';
  const demo = Boolean(opts.demo);
  if (production && demo) throw new ConfigError('the demo (npm start --demo: dev login and demo data) is refused under NODE_ENV=production');
  const loginMode = (env.WECHAT_LOGIN ?? (demo ? 'dev' : 'wechat')) as LoginMode;
  if (loginMode !== 'wechat' && loginMode !== 'dev') throw new ConfigError(`WECHAT_LOGIN must be "wechat" or "dev", not "${loginMode}"`);
  if (production && loginMode === 'dev') throw new ConfigError('WECHAT_LOGIN=dev is refused under NODE_ENV=production');
  if (production && !env.SESSION_SECRET) throw new ConfigError('SESSION_SECRET is required under NODE_ENV=production');
  if (env.SESSION_SECRET !== undefined && env.SESSION_SECRET.length < 32) throw new ConfigError('SESSION_SECRET must be at least 32 characters');

  const appId = env.WECHAT_APPID ?? '';
  const secret = env.WECHAT_SECRET ?? '';
  if (loginMode === 'wechat' && (!appId || !secret)) {
    throw new ConfigError('WECHAT_LOGIN=wechat needs WECHAT_APPID and WECHAT_SECRET (or use WECHAT_LOGIN=dev outside production)');
  }
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  const metricsPort = env.METRICS_PORT === undefined || env.METRICS_PORT === '' ? null : portNumber('METRICS_PORT', env.METRICS_PORT);
  if (metricsPort !== null && metricsPort !== 0 && metricsPort === port) throw new ConfigError('METRICS_PORT must differ from PORT: metrics are never served on the public port');

  if (env.RATE_LIMITS !== undefined && !['on', 'off'].includes(env.RATE_LIMITS)) throw new ConfigError(`RATE_LIMITS must be "on" or "off", not "${env.RATE_LIMITS}"`);

  const graphqlExecutor = env.GRAPHQL_EXECUTOR ?? 'compiled';
  if (graphqlExecutor !== 'compiled' && graphqlExecutor !== 'reference') throw new ConfigError(`GRAPHQL_EXECUTOR must be "compiled" or "reference", not "${graphqlExecutor}"`);

  return {
    port,
    metricsPort,
    production,
    trustProxy: env.TRUST_PROXY ?? 'loopback',
    graphqlExecutor,
    rateLimits: {
      enabled: env.RATE_LIMITS !== 'off',
      limits: {
        login: rateLimitFrom('RATE_LIMIT_LOGIN', env.RATE_LIMIT_LOGIN, DEFAULT_RATE_LIMITS.login),
        mutations: rateLimitFrom('RATE_LIMIT_MUTATIONS', env.RATE_LIMIT_MUTATIONS, DEFAULT_RATE_LIMITS.mutations),
        joinCodeMisses: rateLimitFrom('RATE_LIMIT_JOIN_CODE_MISSES', env.RATE_LIMIT_JOIN_CODE_MISSES, DEFAULT_RATE_LIMITS.joinCodeMisses),
        uploads: rateLimitFrom('RATE_LIMIT_UPLOADS', env.RATE_LIMIT_UPLOADS, DEFAULT_RATE_LIMITS.uploads),
      },
    },
    database: loadDatabaseConfig(env),
    wechat: {
      appId: appId || 'wx-dev-appid',
      secret,
      apiBase: (env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com').replace(/\/+$/, ''),
      loginMode,
      timeoutMs: Number(env.WECHAT_TIMEOUT_MS ?? 5000),
      textCheckTimeoutMs: positiveNumber(env, 'WECHAT_TEXT_CHECK_TIMEOUT_MS', 3000),
      pushToken: env.WECHAT_PUSH_TOKEN ?? '',
    },
    session: {
      secret: env.SESSION_SECRET ?? randomBytes(32).toString('hex'),
      ttlSeconds: Number(env.SESSION_TTL_SECONDS ?? 7 * 24 * 3600),
    },
    demo,
    pointsExpiryEveryMs: positiveNumber(env, 'POINTS_EXPIRY_EVERY_MS', 3600_000),
    h5Dir: env.H5_DIR ?? path.join(REPO_ROOT, 'miniprogram', 'dist', 'h5'),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    notifications: loadNotificationSettings(env),
    wechatPay: loadWeChatPaySettings(env),
    media: loadMediaSettings(env),
  };
}

const MEDIA_S3_REQUIRED = ['MEDIA_S3_ENDPOINT', 'MEDIA_S3_BUCKET', 'MEDIA_S3_ACCESS_KEY_ID', 'MEDIA_S3_SECRET_ACCESS_KEY'] as const;

function loadMediaSettings(env: NodeJS.ProcessEnv): MediaSettings {
  const storage = env.MEDIA_STORAGE ?? 'local';
  if (storage !== 'local' && storage !== 's3') throw new ConfigError(`MEDIA_STORAGE must be "local" or "s3", not "${storage}"`);
  const missing = MEDIA_S3_REQUIRED.filter((name) => !env[name]);
  if (storage === 's3' && missing.length) throw new ConfigError(`MEDIA_STORAGE=s3 needs ${missing.join(', ')}`);
  return {
    storage,
    dir: env.MEDIA_DIR ?? path.join(REPO_ROOT, 'data', 'media'),
    publicBaseUrl: (env.MEDIA_PUBLIC_BASE_URL ?? (storage === 's3' ? `${env.MEDIA_S3_ENDPOINT}/${env.MEDIA_S3_BUCKET}` : '/media')).replace(/\/+$/, ''),
    linkTtlSeconds: positiveNumber(env, 'MEDIA_LINK_TTL_SECONDS', 3600),
    s3:
      storage === 's3'
        ? {
            endpoint: env.MEDIA_S3_ENDPOINT!,
            bucket: env.MEDIA_S3_BUCKET!,
            region: env.MEDIA_S3_REGION ?? 'us-east-1',
            accessKeyId: env.MEDIA_S3_ACCESS_KEY_ID!,
            secretAccessKey: env.MEDIA_S3_SECRET_ACCESS_KEY!,
          }
        : null,
  };
}

const WECHATPAY_REQUIRED = ['WECHATPAY_MCHID', 'WECHATPAY_SERIAL', 'WECHATPAY_PRIVATE_KEY', 'WECHATPAY_APIV3_KEY', 'WECHATPAY_PLATFORM_CERT', 'WECHATPAY_NOTIFY_URL'] as const;

function loadWeChatPaySettings(env: NodeJS.ProcessEnv): WeChatPaySettings | null {
  const missing = WECHATPAY_REQUIRED.filter((name) => !env[name]);
  if (missing.length === WECHATPAY_REQUIRED.length) return null;
  if (missing.length) throw new ConfigError(`WeChat Pay is half configured: ${missing.join(', ')} missing`);
  if (Buffer.byteLength(env.WECHATPAY_APIV3_KEY!) !== 32) throw new ConfigError('WECHATPAY_APIV3_KEY must be the 32-character APIv3 key');
  if (!/^https:\/\//.test(env.WECHATPAY_NOTIFY_URL!) && env.NODE_ENV === 'production') throw new ConfigError('WECHATPAY_NOTIFY_URL must be an https:// URL');
  for (const name of ['WECHATPAY_PRIVATE_KEY', 'WECHATPAY_PLATFORM_CERT'] as const) {
    if (!existsSync(env[name]!)) throw new ConfigError(`${name}: no file at ${env[name]}`);
  }
  return {
    mchid: env.WECHATPAY_MCHID!,
    serial: env.WECHATPAY_SERIAL!,
    privateKeyPath: env.WECHATPAY_PRIVATE_KEY!,
    platformCertPath: env.WECHATPAY_PLATFORM_CERT!,
    apiV3Key: env.WECHATPAY_APIV3_KEY!,
    apiBase: (env.WECHATPAY_API_BASE ?? 'https://api.mch.weixin.qq.com').replace(/\/+$/, ''),
    notifyUrl: env.WECHATPAY_NOTIFY_URL!,
    timeoutMs: positiveNumber(env, 'WECHATPAY_TIMEOUT_MS', 5000),
    orderTtlSeconds: positiveNumber(env, 'WECHATPAY_ORDER_TTL_SECONDS', 1800),
    reconcileEveryMs: positiveNumber(env, 'WECHATPAY_RECONCILE_EVERY_MS', 60_000),
    reconcileAfterSeconds: positiveNumber(env, 'WECHATPAY_RECONCILE_AFTER_SECONDS', 60),
  };
}

function portNumber(name: string, raw: string): number {
  const port = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || port > 65535) throw new ConfigError(`${name} must be a port number, not "${raw}"`);
  return port;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new ConfigError(`${name} must be a positive number, not "${raw}"`);
  return value;
}

function loadNotificationSettings(env: NodeJS.ProcessEnv): NotificationSettings {
  const templates: NotificationSettings['templates'] = {};
  for (const kind of NOTIFICATION_KINDS) {
    const id = env[`WECHAT_TEMPLATE_${kind}`]?.trim();
    if (id) templates[kind] = id;
  }
  const miniprogramState = env.WECHAT_MINIPROGRAM_STATE ?? 'formal';
  if (!['formal', 'trial', 'developer'].includes(miniprogramState)) {
    throw new ConfigError(`WECHAT_MINIPROGRAM_STATE must be formal, trial or developer, not "${miniprogramState}"`);
  }
  return {
    templates,
    sendEveryMs: positiveNumber(env, 'NOTIFY_SEND_EVERY_MS', 2000),
    batchSize: positiveNumber(env, 'NOTIFY_BATCH_SIZE', 50),
    concurrency: positiveNumber(env, 'NOTIFY_CONCURRENCY', 4),
    claimLeaseMs: positiveNumber(env, 'NOTIFY_CLAIM_LEASE_MS', 60_000),
    retryBaseMs: positiveNumber(env, 'NOTIFY_RETRY_BASE_MS', 5000),
    maxAttempts: positiveNumber(env, 'NOTIFY_MAX_ATTEMPTS', 6),
    couponScanEveryMs: positiveNumber(env, 'NOTIFY_COUPON_SCAN_EVERY_MS', 3600_000),
    miniprogramState,
  };
}
