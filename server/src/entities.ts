import { AuditLog } from './audit/audit-log.entity';
import { Community } from './community/community.entity';
import { Member } from './member/member.entity';
import { User } from './user/user.entity';
import { WeChatGroup } from './wechat/wechat-group.entity';

/** Every table, listed once for MikroORM's discovery. */
export const ENTITIES = [User, Community, Member, WeChatGroup, AuditLog];
