import QRCode from 'qrcode';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { CommunityLocator, RequireCommunityRole } from '../auth/community-role.guard';
import { selectRows } from '../db/sql';
import { badInput } from '../graphql/graphql-errors';
import { parseId } from '../graphql/ids';
import { IMAGE_RENDER_COST, MaxItems } from '../graphql/query-limits';
import { ADMIN_ROLES } from '../member/member.enums';
import { MiniProgramCodeResult } from '../wechat/wxa-code.types';
import type { MiniProgramCodeAnswer } from '../wechat/wxa-code.service';
import { GROUP_CODE_PAGE } from './group-code-admins';
import {
  CreateGroupCodeArgs,
  GroupCode,
  GroupCodeDayViews,
  GroupCodeIdArgs,
  GroupCodesArgs,
  GroupCodeSlugArgs,
  GroupCodeStatsArgs,
  GroupCodeView,
  MAX_GROUPS,
  MAX_STATS_DAYS,
  ReplaceGroupQrArgs,
} from './group-code.types';

const communityOfGroup: CommunityLocator = async (args, ctx) => {
  const [row] = await selectRows<{ communityId: number }>(
    ctx.em,
    'select gc.community_id as "communityId" from group_code_group g join group_code gc on gc.id = g.group_code_id where g.id = ?',
    [parseId(args.groupId as string, 'groupId')],
  );
  return row ? Number(row.communityId) : null;
};

const communityOfCode: CommunityLocator = async (args, ctx) => {
  const [row] = await selectRows<{ communityId: number }>(ctx.em, 'select community_id as "communityId" from group_code where id = ?', [parseId(args.groupCodeId as string, 'groupCodeId')]);
  return row ? Number(row.communityId) : null;
};

@Resolver(() => GroupCode)
export class GroupCodeResolver {
  @Query(() => GroupCodeView, {
    nullable: true,
    description: "群活码, anyone with the link: the first group that still admits, this view counted against it; null for an unknown slug",
  })
  groupCode(@Args() { slug }: GroupCodeSlugArgs, @Ctx() ctx: RequestContext): Promise<GroupCodeView | null> {
    return ctx.services.groupCodeViews.view(ctx, slug);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Query(() => [GroupCode], { description: "Admin: the community's live group codes, newest first" })
  groupCodes(@Args() { communityId, first }: GroupCodesArgs, @Ctx() ctx: RequestContext): Promise<GroupCode[]> {
    return ctx.services.groupCodes.list(ctx, parseId(communityId), first);
  }

  @RequireCommunityRole(ADMIN_ROLES, communityOfCode)
  @Query(() => GroupCode, { description: 'Admin: one live code (for its poster)' })
  groupCodeById(@Args() { groupCodeId }: GroupCodeIdArgs, @Ctx() ctx: RequestContext): Promise<GroupCode> {
    return ctx.services.groupCodes.one(ctx, parseId(groupCodeId, 'groupCodeId'));
  }

  @RequireCommunityRole(ADMIN_ROLES, communityOfCode)
  @Query(() => [GroupCodeDayViews], { description: 'Admin: views per group per community-local day, newest day first' })
  @MaxItems(MAX_STATS_DAYS * MAX_GROUPS)
  groupCodeStats(@Args() { groupCodeId, days }: GroupCodeStatsArgs, @Ctx() ctx: RequestContext): Promise<GroupCodeDayViews[]> {
    return ctx.services.groupCodes.stats(ctx, parseId(groupCodeId), days);
  }

  @RequireCommunityRole(ADMIN_ROLES)
  @Mutation(() => GroupCode, { description: 'Admin: a live code over several groups (QR images: GROUP_QR uploads of the caller); audited' })
  createGroupCode(@Args() { communityId, input }: CreateGroupCodeArgs, @Ctx() ctx: RequestContext): Promise<GroupCode> {
    return ctx.services.groupCodes.create(ctx, parseId(communityId), input);
  }

  @RequireCommunityRole(ADMIN_ROLES, communityOfGroup)
  @Mutation(() => GroupCode, { description: "Admin: a group's new QR and its expiry; the group's scans start again from 0; audited" })
  replaceGroupQr(@Args() { groupId, qrMediaId, qrExpiresOn }: ReplaceGroupQrArgs, @Ctx() ctx: RequestContext): Promise<GroupCode> {
    return ctx.services.groupCodes.replaceQr(ctx, parseId(groupId, 'groupId'), qrMediaId, qrExpiresOn);
  }

  @FieldResolver(() => MiniProgramCodeResult, { description: "The poster's 小程序码 (scene g=<slug>) of the public page; or why there is none now", complexity: IMAGE_RENDER_COST })
  miniProgramCode(@Root() code: GroupCode, @Ctx() ctx: RequestContext): Promise<MiniProgramCodeAnswer> {
    return ctx.services.wxaCodes.codeFor(ctx.em, GROUP_CODE_PAGE, `g=${code.slug}`);
  }

  @FieldResolver(() => String, { description: "The poster as a QR image of the H5 page (data:image/png;base64,…), h5Origin http(s)://host[:port]", complexity: IMAGE_RENDER_COST })
  qrCodeDataUrl(@Root() code: GroupCode, @Arg('h5Origin', () => String) h5Origin: string): Promise<string> {
    if (!/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(h5Origin)) throw badInput('h5Origin 应为 http(s)://域名[:端口]', 'h5Origin');
    return QRCode.toDataURL(`${h5Origin}/#/${code.path}`, { errorCorrectionLevel: 'M', margin: 1, width: 360 });
  }
}
