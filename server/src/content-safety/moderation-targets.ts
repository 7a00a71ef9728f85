import type { SqlTarget } from '../db/sql';
import type { ContentStatus, ContentTargetType } from './content-safety.enums';

/** A piece of content as moderation needs to know it, read from its domain's own tables. */
export interface ContentOfTarget {
  id: number;
  communityId: number;
  authorUserId: number;
  /** The author's member row in that community (the queue shows their public profile). */
  authorMemberId: number;
  /** The text (or a caption) an admin decides on. */
  excerpt: string | null;
  status: ContentStatus;
}

/**
 * What moderation asks of a kind of content; each domain implements it next to its own tables
 * (groupbuy/group-buy-note.moderation.ts, member/member-nickname.moderation.ts) and app-services.ts
 * registers it. A new kind (posts, comments, media, poll options) is one more implementation, not a
 * new branch in moderation.
 */
export interface ModerationTarget {
  /** The targets among `ids` that exist (any status), in no particular order. */
  describe(target: SqlTarget, ids: number[]): Promise<ContentOfTarget[]>;
  /** VISIBLE (restored, or kept after review) or HIDDEN, in the caller's transaction. */
  setStatus(target: SqlTarget, id: number, status: ContentStatus.VISIBLE | ContentStatus.HIDDEN, at: Date): Promise<void>;
}

/** The registered kinds; an unregistered one (POST before the posts domain exists) is never found. */
export class ModerationTargets {
  private readonly byType = new Map<ContentTargetType, ModerationTarget>();

  register(type: ContentTargetType, target: ModerationTarget): this {
    this.byType.set(type, target);
    return this;
  }

  get(type: ContentTargetType): ModerationTarget | null {
    return this.byType.get(type) ?? null;
  }
}
