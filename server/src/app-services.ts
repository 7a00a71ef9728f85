import type { MikroORM } from '@mikro-orm/core';
import type { AppConfig } from './config';
import { AuditService } from './audit/audit.service';
import { AuthService } from './auth/auth.service';
import { SessionTokenService } from './auth/session-token.service';
import type { Clock } from './common/clock';
import type { Logger } from './common/logger';
import { CommunityService } from './community/community.service';
import { MemberAccessService } from './member/member-access.service';
import { MemberAdminService } from './member/member-admin.service';
import { MembershipService } from './member/membership.service';
import { WeChatApiClient } from './wechat/wechat-api.client';
import { WeChatGroupService } from './wechat/wechat-group.service';

/** The app's singletons; each request reaches them through its RequestContext. */
export function createAppServices(config: AppConfig, orm: MikroORM, clock: Clock, log: Logger) {
  const sessions = new SessionTokenService(config.session);
  const wechat = new WeChatApiClient(config.wechat);
  return {
    config,
    orm,
    clock,
    log,
    sessions,
    auth: new AuthService(config.wechat, wechat, sessions),
    access: new MemberAccessService(),
    audit: new AuditService(),
    communities: new CommunityService(),
    memberships: new MembershipService(),
    memberAdmin: new MemberAdminService(),
    wechatGroups: new WeChatGroupService(config.wechat),
  };
}

export type AppServices = ReturnType<typeof createAppServices>;
