import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121211441 } from './Migration20261121211441';
import { Migration20261121213752 } from './Migration20261121213752';
import { Migration20261121220351 } from './Migration20261121220351';
import { Migration20261121235904 } from './Migration20261121235904';
import { Migration20261201232252 } from './Migration20261201232252';
import { Migration20261201231824 } from './Migration20261201231824';
import { Migration20261201232945 } from './Migration20261201232945';
import { Migration20261201234102 } from './Migration20261201234102';
import { Migration20261201235406 } from './Migration20261201235406';
import { Migration20261202041126 } from './Migration20261202041126';
import { Migration20261202053705 } from './Migration20261202053705';
import { Migration20261207180000 } from './Migration20261207180000';
import { Migration20261207180030 } from './Migration20261207180030';
import { Migration20261207190000 } from './Migration20261207190000';
import { Migration20261208100000 } from './Migration20261208100000';
import { Migration20261208110000 } from './Migration20261208110000';
import { Migration20261208120000 } from './Migration20261208120000';
import { Migration20261208130000 } from './Migration20261208130000';
import { Migration20261208130100 } from './Migration20261208130100';
import { Migration20261208140000 } from './Migration20261208140000';

/**
 * Every MySQL migration in order. `npm run db:migration:create` writes a new file from the
 * entities and the committed snapshot; add its class here.
 */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261121211441', class: Migration20261121211441 }, // foundation: users, communities, members, groups, audit
  { name: 'Migration20261121213752', class: Migration20261121213752 }, // member economy: tiers, ledger, check-ins, coupons; member tags
  { name: 'Migration20261121220351', class: Migration20261121220351 }, // community activities: questionnaire + applications, group-buys + entries, sign-up forms + submissions
  { name: 'Migration20261121235904', class: Migration20261121235904 }, // community.settings_version: keys the per-process caches of check-in rule and tiers
  { name: 'Migration20261201232252', class: Migration20261201232252 }, // community health: member_activity_day, range indexes for the stats
  { name: 'Migration20261201231824', class: Migration20261201231824 }, // notifications: message outbox + inbox, subscription consents, shared access token
  { name: 'Migration20261201232945', class: Migration20261201232945 }, // hostile clients: single-use export links, chats bound by several communities, adjustment caps, session generation
  { name: 'Migration20261201234102', class: Migration20261201234102 }, // 补签: make-up cost and monthly allowance on the check-in rule, checkin.made_up_on
  { name: 'Migration20261201235406', class: Migration20261201235406 }, // 邀请制: member_invite, referral, the community's referral reward rule
  { name: 'Migration20261202041126', class: Migration20261202041126 }, // 入群费: payment_order, payment_refund, community.entry_fee_fen
  { name: 'Migration20261202053705', class: Migration20261202053705 }, // member.left_at, backfilled from the audit log: totalMembers of a past range
  { name: 'Migration20261207180000', class: Migration20261207180000 }, // integrity II: coupons keep their terms (back-filled), grants' operator, economy caps, members' rule points of the day
  { name: 'Migration20261207180030', class: Migration20261207180030 }, // the admin member list: (community_id, status, joined_at)
  { name: 'Migration20261207190000', class: Migration20261207190000 }, // 暂停发放: the community's coupon issuing pause and its reason
  { name: 'Migration20261208100000', class: Migration20261208100000 }, // 积分有效期: the policy, points lots and their uses, expiry claims, the job's progress
  { name: 'Migration20261208110000', class: Migration20261208110000 }, // the dashboard's daily rollups, filled from the existing rows
  { name: 'Migration20261208120000', class: Migration20261208120000 }, // content safety: moderation queue + reports, image checks, note/nickname visibility
  { name: 'Migration20261208130000', class: Migration20261208130000 }, // media: uploaded images; app_user.avatar_media_id (old avatar URLs forgotten)
  { name: 'Migration20261208130100', class: Migration20261208130100 }, // 小程序码: wxa_code, each page and scene's code as WeChat drew it
  { name: 'Migration20261208140000', class: Migration20261208140000 }, // 群活码: group_code, its groups (QR, expiry, threshold, scans), views per group per day
];
