import { registerEnumType } from 'type-graphql';

/** The moments a member hears about after leaving the mini-program. Names match WECHAT_TEMPLATE_<KIND>. */
export enum NotificationKind {
  GROUPBUY_RESULT = 'GROUPBUY_RESULT',
  COUPON_EXPIRING = 'COUPON_EXPIRING',
  APPLICATION_RESULT = 'APPLICATION_RESULT',
  SIGNUP_PROMOTED = 'SIGNUP_PROMOTED',
  POINTS_EXPIRING = 'POINTS_EXPIRING',
  /** Something the member published was withdrawn (WeChat's image check said risky). */
  CONTENT_WITHDRAWN = 'CONTENT_WITHDRAWN',
  /** Admins: a live group code's QR expires tomorrow. */
  GROUP_QR_EXPIRING = 'GROUP_QR_EXPIRING',
  /** Admins: a live group code has no group left to show (inbox only). */
  GROUP_CODE_EXHAUSTED = 'GROUP_CODE_EXHAUSTED',
}

/**
 * Where a message is on its way to WeChat. Every message is an inbox item whatever its delivery.
 *   QUEUED     due at next_attempt_at (new, or a transient failure waiting for its retry)
 *   SENDING    claimed by a sender until next_attempt_at (its lease); due again after it
 *   SENT       WeChat accepted it — never sent again
 *   NO_CONSENT the member had no `accept` left for the template: inbox only
 *   INBOX_ONLY the kind has no template configured: inbox only
 *   FAILED     a permanent refusal (43101, 40003, 47003, …) or retries exhausted
 */
export enum DeliveryState {
  QUEUED = 'QUEUED',
  SENDING = 'SENDING',
  SENT = 'SENT',
  NO_CONSENT = 'NO_CONSENT',
  INBOX_ONLY = 'INBOX_ONLY',
  FAILED = 'FAILED',
}

/** The states a sender may claim (a SENDING row only once its lease has run out). */
export const CLAIMABLE_STATES = [DeliveryState.QUEUED, DeliveryState.SENDING];

registerEnumType(NotificationKind, { name: 'NotificationKind', description: 'A subscription-message kind' });
registerEnumType(DeliveryState, { name: 'DeliveryState' });
