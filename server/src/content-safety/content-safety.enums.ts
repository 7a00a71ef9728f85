import { registerEnumType } from 'type-graphql';

/**
 * What members can write for others, as moderation knows it. Each kind is a `ModerationTarget` that its
 * own domain registers (moderation-targets.ts); POST, COMMENT and POLL_OPTION come with their domains.
 */
export enum ContentTargetType {
  /** A 接龙 entry's note (group_buy_entry.id) */
  GROUP_BUY_NOTE = 'GROUP_BUY_NOTE',
  /** A member's nickname as one community sees it (member.id) */
  PROFILE_NICKNAME = 'PROFILE_NICKNAME',
  /** An uploaded image (the media domain registers it) */
  MEDIA = 'MEDIA',
}

/**
 * Who sees a piece of content. Stored on the content's own row (`note_status`, `nickname_status`), so each
 * domain's reads decide it without a join.
 *   VISIBLE  everyone who can see the row
 *   REVIEW   its author and the admins: WeChat's check said `review` (or did not answer); queued for an admin
 *   HIDDEN   its author and the admins: an admin hid it (or WeChat's image check said `risky`)
 */
export enum ContentStatus {
  VISIBLE = 'VISIBLE',
  REVIEW = 'REVIEW',
  HIDDEN = 'HIDDEN',
}

/** msgSecCheck's verdict on a text: PASS stores it visible, REVIEW stores it for its author only, RISKY refuses it. */
export enum TextVerdict {
  PASS = 'PASS',
  REVIEW = 'REVIEW',
  RISKY = 'RISKY',
}

/** WeChat's `scene` of msg_sec_check and media_check_async. */
export enum CheckScene {
  PROFILE = 1,
  COMMENT = 2,
  FORUM = 3,
  SOCIAL_LOG = 4,
}

export enum ReportReason {
  SPAM = 'SPAM',
  ABUSE = 'ABUSE',
  PORN = 'PORN',
  FRAUD = 'FRAUD',
  ILLEGAL = 'ILLEGAL',
  OTHER = 'OTHER',
}

/** A queue item is OPEN while it waits for an admin (reported, or in review) and RESOLVED once one hid or kept it. */
export enum ModerationItemStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}

/** An image check: PENDING until WeChat's push says pass / review / risky. */
export enum ImageCheckStatus {
  PENDING = 'PENDING',
  PASS = 'PASS',
  REVIEW = 'REVIEW',
  RISKY = 'RISKY',
}

registerEnumType(ContentTargetType, { name: 'ContentTargetType', description: 'A kind of content members write for others' });
registerEnumType(ContentStatus, { name: 'ContentStatus', description: 'VISIBLE to everyone; REVIEW and HIDDEN: only its author and the admins see it' });
registerEnumType(ReportReason, { name: 'ReportReason', description: '举报理由: 广告, 辱骂, 色情, 诈骗, 违法, 其他' });
registerEnumType(ModerationItemStatus, { name: 'ModerationItemStatus' });
