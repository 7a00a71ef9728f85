import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Clock } from '../common/clock';
import type { Logger } from '../common/logger';
import { runStatement, selectRows, SqlTarget } from '../db/sql';
import { inTransaction } from '../db/transaction';
import type { WeChatAccessTokenService } from '../wechat/wechat-access-token.service';
import type { WeChatSecurityApi } from '../wechat/wechat-security.client';
import { withAccessToken } from '../wechat/with-access-token';
import { CheckScene, ContentTargetType, ImageCheckStatus } from './content-safety.enums';

/** The content an image belongs to: what a risky verdict withdraws, and whose inbox hears of it. */
export interface ImageTarget {
  type: ContentTargetType;
  id: number;
  communityId: number;
  authorUserId: number;
}

export interface ImageCheckRequest {
  openid: string;
  /** A URL WeChat can fetch (a signed link of our store). */
  mediaUrl: string;
  target: ImageTarget;
  scene?: CheckScene;
}

/** What a domain does when WeChat says one of its images is risky: withdraw it everywhere, in the given transaction. */
export type RiskyImageHandler = (tx: SqlTarget, target: ImageTarget, at: Date) => Promise<void>;

/** Tells the author that their image was withdrawn (an inbox message), in the same transaction. */
export type TellImageWithdrawn = (em: EntityManager, target: ImageTarget, checkId: number, at: Date) => Promise<void>;

export type PushOutcome = 'applied' | 'repeated' | 'unknown';

const VERDICTS: Record<string, ImageCheckStatus> = { pass: ImageCheckStatus.PASS, review: ImageCheckStatus.REVIEW, risky: ImageCheckStatus.RISKY };

/**
 * WeChat's asynchronous image check (mediaCheckAsync v2). Images are shown at once; `submitImageCheck`
 * records the trace id WeChat answers, and WeChat's push (POST /wechat/events) brings the verdict. A risky
 * verdict is applied once: the row leaves PENDING by a conditional UPDATE, and in that transaction the
 * target's domain withdraws the image (the handler it registered with `onRisky`) and the author gets an
 * inbox message. A repeated push changes nothing.
 */
export class ImageCheckService {
  private readonly riskyHandlers = new Map<ContentTargetType, RiskyImageHandler>();

  constructor(
    /** False without WeChat credentials: nothing is submitted. */
    readonly enabled: boolean,
    private readonly api: WeChatSecurityApi,
    private readonly tokens: WeChatAccessTokenService,
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly tellWithdrawn: TellImageWithdrawn,
  ) {}

  /** The domain of `type` registers how its images are withdrawn (app-services.ts). */
  onRisky(type: ContentTargetType, handler: RiskyImageHandler): this {
    this.riskyHandlers.set(type, handler);
    return this;
  }

  /** Asks WeChat to check an image others will see. The trace id, or null: checks are off, or WeChat did not take it (logged). */
  async submitImageCheck(request: ImageCheckRequest): Promise<string | null> {
    if (!this.enabled) return null;
    const answer = await withAccessToken(this.tokens, (token) =>
      this.api.mediaCheckAsync(token, { mediaUrl: request.mediaUrl, scene: request.scene ?? CheckScene.COMMENT, openid: request.openid }),
    );
    const traceId = answer.errcode === 0 && 'traceId' in answer ? answer.traceId : undefined;
    if (!traceId) {
      this.log.warn({ errcode: answer.errcode, errmsg: answer.errmsg, target: request.target }, 'media_check_async refused: the image stays unchecked');
      return null;
    }
    const { target } = request;
    await runStatement(
      this.orm.em.fork() as EntityManager,
      'insert into image_check (created_at, trace_id, target_type, target_id, community_id, author_user_id, status) values (?, ?, ?, ?, ?, ?, ?)',
      [this.clock.now(), traceId, target.type, target.id, target.communityId, target.authorUserId, ImageCheckStatus.PENDING],
    );
    return traceId;
  }

  /** WeChat's verdict for `traceId` (from a push whose signature was checked). */
  async applyVerdict(traceId: string, suggest: string): Promise<PushOutcome> {
    const status = VERDICTS[suggest];
    if (!status) return 'unknown';
    const em = this.orm.em.fork() as EntityManager;
    return inTransaction({ em }, async (tx) => {
      const now = this.clock.now();
      const [check] = await selectRows<{ id: number; target_type: ContentTargetType; target_id: number; community_id: number; author_user_id: number }>(
        tx,
        'select id, target_type, target_id, community_id, author_user_id from image_check where trace_id = ?',
        [traceId],
      );
      if (!check) return 'unknown';
      const decided = await runStatement(tx, 'update image_check set status = ?, decided_at = ? where id = ? and status = ?', [status, now, check.id, ImageCheckStatus.PENDING]);
      if (decided.affectedRows !== 1) return 'repeated';
      if (status === ImageCheckStatus.RISKY) {
        const target: ImageTarget = { type: check.target_type, id: Number(check.target_id), communityId: Number(check.community_id), authorUserId: Number(check.author_user_id) };
        const withdraw = this.riskyHandlers.get(target.type);
        if (withdraw) await withdraw(tx, target, now);
        else this.log.error({ target }, 'a risky image of a kind nobody registered: not withdrawn');
        await this.tellWithdrawn(tx, target, Number(check.id), now);
      }
      return 'applied';
    });
  }
}
