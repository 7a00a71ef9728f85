import { randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import jwt from 'jsonwebtoken';
import { ExportDownload } from './export-download.entity';
import type { EntityManager } from '@mikro-orm/knex';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { ServiceContext } from '../service-context';
import type { AppConfig } from '../config';
import type { Clock } from '../common/clock';
import { requireUser } from '../auth/require-user';
import { Member } from '../member/member.entity';
import { ADMIN_ROLES, MemberStatus } from '../member/member.enums';
import { ExportFormat } from './export.enums';
import { ExportFile } from './export.types';
import { CONTENT_TYPES, EXTENSIONS, renderSheet, Sheet } from './spreadsheet';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Download links are meant to be used at once: Taro.downloadFile right after the mutation. */
export const EXPORT_LINK_TTL_SECONDS = 10 * 60;
// Its own issuer as well as its own audience: the session check asks for the issuer `qunyou`
// only, so a leaked download link must not pass for a session token.
const AUDIENCE = 'qunyou-export';
const ISSUER = 'qunyou-exports';

/** What can be exported: a domain names its rows' community and title and builds the table. */
export interface ExportSource {
  kind: string;
  /** Leads the file name, e.g. 团购接龙. */
  label: string;
  describe(em: EntityManager, id: number): Promise<{ communityId: number; title: string; timezone: string } | null>;
  sheet(em: EntityManager, id: number, timezone: string, options?: ExportOptions): Promise<Sheet>;
}

/** What else a source needs to build its table (e.g. a date range), carried in the signed link. */
export type ExportOptions = Record<string, string>;

interface ExportClaims {
  /** source kind */
  k: string;
  /** target row id */
  t: number;
  f: ExportFormat;
  /** community the link was issued for */
  c: number;
  /** the link's own id: it downloads once */
  jti: string;
  /** the source's options, if any */
  o?: ExportOptions;
}

export interface RenderedExport {
  filename: string;
  contentType: string;
  body: Buffer;
}

export class ExportRefused extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * Spreadsheet exports for admins. The mutation answers a short-lived link signed with the
 * session secret (its own audience, so a link is never a session and a session never a link);
 * GET /exports/<token> checks the caller is still an admin there and builds the file from the
 * rows as they are at that moment.
 */
export class ExportService {
  private readonly sources: Map<string, ExportSource>;

  constructor(private readonly session: AppConfig['session'], private readonly clock: Clock, sources: ExportSource[]) {
    this.sources = new Map(sources.map((source) => [source.kind, source]));
  }

  /** Called behind @RequireCommunityRole(ADMIN_ROLES), so the caller is an admin of the target's community. */
  async issue(ctx: ServiceContext, source: ExportSource, id: number, format: ExportFormat, options?: ExportOptions): Promise<ExportFile> {
    const user = requireUser(ctx);
    const target = await source.describe(ctx.em, id);
    if (!target) throw new Error(`export target ${source.kind}:${id} vanished after the guard found it`);
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const claims: ExportClaims & { iat: number; exp: number } = {
      k: source.kind,
      t: id,
      f: format,
      c: target.communityId,
      jti: randomBytes(16).toString('hex'),
      ...(options ? { o: options } : {}),
      iat: now,
      exp: now + EXPORT_LINK_TTL_SECONDS,
    };
    const token = jwt.sign(claims, this.session.secret, { algorithm: 'HS256', audience: AUDIENCE, issuer: ISSUER, subject: String(user.id) });
    return Object.assign(new ExportFile(), {
      url: `/exports/${token}`,
      filename: fileName(source, target, format, this.clock.now()),
      expiresAt: new Date((now + EXPORT_LINK_TTL_SECONDS) * 1000),
    });
  }

  /** The file a link stands for, or ExportRefused with the HTTP status to answer. */
  async render(em: EntityManager, token: string): Promise<RenderedExport> {
    const { claims, userId } = this.verify(token);
    const source = this.sources.get(claims.k);
    if (!source || !Object.values(ExportFormat).includes(claims.f)) throw new ExportRefused(404, '下载链接无效');
    const admin = await em.count(Member, { user: userId, community: claims.c, status: MemberStatus.ACTIVE, role: { $in: [...ADMIN_ROLES] } });
    if (!admin) throw new ExportRefused(403, '你已不是该社群的管理员');
    const target = await source.describe(em, claims.t);
    if (!target || target.communityId !== claims.c) throw new ExportRefused(404, '要导出的内容已不存在');
    await this.useOnce(em, claims.jti, userId);
    const sheet = await source.sheet(em, claims.t, target.timezone, claims.o);
    return {
      filename: fileName(source, target, claims.f, this.clock.now()),
      contentType: CONTENT_TYPES[claims.f],
      body: await renderSheet(sheet, claims.f),
    };
  }

  /** A link is a bearer credential: the first download spends it (the unique key decides between simultaneous ones). */
  private async useOnce(em: EntityManager, linkId: string, userId: number): Promise<void> {
    try {
      await em.insert(ExportDownload, { linkId, userId, createdAt: this.clock.now() });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ExportRefused(410, '下载链接已使用过，请重新导出');
      throw error;
    }
  }

  private verify(token: string): { claims: ExportClaims; userId: number } {
    try {
      const payload = jwt.verify(token, this.session.secret, {
        algorithms: ['HS256'],
        audience: AUDIENCE,
        issuer: ISSUER,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      if (typeof payload === 'string') throw new Error('not a claims object');
      const userId = Number(payload.sub);
      const claims = payload as unknown as ExportClaims;
      const wellFormed = Number.isSafeInteger(userId) && Number.isSafeInteger(claims.t) && Number.isSafeInteger(claims.c) && /^[0-9a-f]{32}$/.test(String(claims.jti));
      if (!wellFormed) throw new Error('malformed claims');
      return { claims, userId };
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) throw new ExportRefused(410, '下载链接已过期，请重新导出');
      throw new ExportRefused(404, '下载链接无效');
    }
  }
}

/** e.g. 团购接龙-草莓 5 斤装-20261121.xlsx; characters file systems refuse become spaces. */
function fileName(source: ExportSource, target: { title: string; timezone: string }, format: ExportFormat, now: Date): string {
  const title = target.title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, ' ').trim().slice(0, 40);
  return `${source.label}-${title}-${dayjs(now).tz(target.timezone).format('YYYYMMDD')}.${EXTENSIONS[format]}`;
}
