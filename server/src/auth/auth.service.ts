import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../config';
import type { ServiceContext } from '../service-context';
import { runStatement, selectRows, SqlTarget } from '../db/sql';
import { inSqlTransaction } from '../db/transaction';
import type { ErrorResult } from '../graphql/error-result';
import { CheckScene, ContentStatus, ContentTargetType, TextVerdict } from '../content-safety/content-safety.enums';
import { ContentRejected } from '../content-safety/content-safety.types';
import type { ModerationService } from '../content-safety/moderation.service';
import type { TextCheckService } from '../content-safety/text-check.service';
import { showNicknamesOfUser } from '../member/member-rows';
import { User } from '../user/user.entity';
import type { WeChatApiClient, WeChatSession } from '../wechat/wechat-api.client';
import type { LoginPayload, UpdateProfileArgs } from './auth.types';
import type { SessionTokenService } from './session-token.service';
import type { Clock } from '../common/clock';
import type { MediaService } from '../media/media.service';
import { MediaPurpose } from '../media/media.enums';
import { parseId } from '../graphql/ids';

/** `dev:<name>` logs in as openid `dev-<name>`, only with WECHAT_LOGIN=dev (refused in production by config). */
const DEV_CODE = /^dev:([A-Za-z0-9_\-\u4e00-\u9fff]{1,32})$/u;

export class AuthService {
  constructor(
    private readonly settings: AppConfig['wechat'],
    private readonly wechat: WeChatApiClient,
    private readonly sessions: SessionTokenService,
    private readonly clock: Clock,
    private readonly media: MediaService,
    private readonly texts: TextCheckService,
    private readonly moderation: ModerationService,
  ) {}

  async login(ctx: ServiceContext, code: string): Promise<LoginPayload> {
    const devName = this.settings.loginMode === 'dev' ? DEV_CODE.exec(code)?.[1] : undefined;
    const session: WeChatSession = devName
      ? { openid: `dev-${devName}`, sessionKey: randomBytes(16).toString('base64') }
      : await this.wechat.code2Session(code);

    // One statement, so two simultaneous first logins of one user cannot create two rows.
    const now = this.clock.now();
    const user = await ctx.em
      .upsert(
        User,
        { openid: session.openid, sessionKey: session.sessionKey, createdAt: now, updatedAt: now },
        { onConflictFields: ['openid'], onConflictAction: 'merge', onConflictMergeFields: ['sessionKey', 'updatedAt'] },
      )
      .catch((error: unknown) => {
        throw withoutStatement(error);
      });
    if (devName && !user.nickname) {
      await runStatement(ctx.em, 'update app_user set nickname = ? where id = ? and nickname is null', [devName, user.id]);
      user.nickname = devName;
    }
    // The upsert does not read columns back on MySQL: the token takes the generation as stored.
    const [{ generation }] = await selectRows<{ generation: number }>(ctx.em, 'select session_generation as generation from app_user where id = ?', [user.id]);
    user.sessionGeneration = Number(generation);
    return { token: this.sessions.issue(user), user };
  }

  /**
   * The nickname passes WeChat's check (risky: refused; review: shown to its author only and queued); the avatar
   * is always an image of our store that the caller uploaded as an avatar: its public URL is kept on the user.
   */
  async updateProfile(ctx: ServiceContext, user: User, changes: UpdateProfileArgs): Promise<User | ErrorResult> {
    const avatar =
      changes.avatarMediaId === undefined || changes.avatarMediaId === null
        ? null
        : await this.media.claim(ctx, parseId(changes.avatarMediaId, 'avatarMediaId'), { purposes: [MediaPurpose.AVATAR], field: 'avatarMediaId' });
    const nickname = changes.nickname?.trim();
    const nicknameStatus = await this.nicknameStatusOf(ctx, nickname);
    if (!nicknameStatus) return new ContentRejected('昵称含有违规信息，请换一个');
    const update = {
      ...(nickname !== undefined ? { nickname, nicknameStatus } : {}),
      ...(avatar ? { avatarUrl: this.media.publicUrlOf(avatar), avatarMediaId: avatar.id } : {}),
      updatedAt: this.clock.now(),
    };
    await inSqlTransaction(ctx, async (tx) => {
      await runStatement(
        tx,
        `update app_user set ${'nickname' in update ? 'nickname = ?, nickname_status = ?, ' : ''}${avatar ? 'avatar_url = ?, avatar_media_id = ?, ' : ''}updated_at = ? where id = ?`,
        [...('nickname' in update ? [update.nickname, update.nicknameStatus] : []), ...(avatar ? [update.avatarUrl, update.avatarMediaId] : []), update.updatedAt, user.id],
      );
      if (update.nicknameStatus) await this.moderateNewNickname(tx, user.id, update.nicknameStatus, update.updatedAt);
    });
    return Object.assign(user, update);
  }

  /** WeChat's check of a new nickname (scene 1, profile): VISIBLE, REVIEW, or null when it is refused. */
  private async nicknameStatusOf(ctx: ServiceContext, nickname: string | undefined): Promise<ContentStatus | null> {
    if (nickname === undefined) return ContentStatus.VISIBLE;
    const verdict = await this.texts.checkCallerText(ctx, nickname, CheckScene.PROFILE);
    if (verdict === TextVerdict.RISKY) return null;
    return verdict === TextVerdict.REVIEW ? ContentStatus.REVIEW : ContentStatus.VISIBLE;
  }

  /**
   * A new nickname is new content: a hide of the old one in any community ends, and one in review waits in
   * the queue of every community the user is an active member of (the admins of each see it as PROFILE_NICKNAME).
   */
  private async moderateNewNickname(tx: SqlTarget, userId: number, status: ContentStatus, at: Date): Promise<void> {
    const memberships = await showNicknamesOfUser(tx, userId);
    if (status !== ContentStatus.REVIEW) return;
    for (const { memberId, communityId } of memberships) {
      await this.moderation.queueForReview(tx, { type: ContentTargetType.PROFILE_NICKNAME, id: memberId, communityId, authorUserId: userId }, at);
    }
  }

  /** The caller's WeChat session_key, loaded only when group data must be decrypted. */
  async sessionKeyOf(ctx: ServiceContext, user: User): Promise<string | null> {
    const row = await ctx.em.findOne(User, user.id, { fields: ['sessionKey'], refresh: true });
    return row?.sessionKey ?? null;
  }
}

/**
 * The ORM's exceptions start with the statement, values inlined: here that is the session_key, which must
 * reach neither a log nor a development error detail. What is kept is the database's own message, and the
 * driver's code and fatal flag (a database that cannot be reached answers 503: db/database-unreachable.ts).
 */
function withoutStatement(error: unknown): Error {
  if (!(error instanceof Error)) return new Error('saving the user failed');
  const databaseMessage = error.message.split(' - ').pop() ?? '';
  const sanitized = new Error(`saving the user failed: ${databaseMessage.includes(' values ') ? error.name : databaseMessage}`);
  sanitized.name = error.name;
  const { code, fatal } = error as { code?: unknown; fatal?: unknown };
  return Object.assign(sanitized, { code, fatal });
}
