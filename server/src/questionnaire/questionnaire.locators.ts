import type { CommunityLocator } from '../auth/community-role.guard';
import { parseId } from '../graphql/ids';
import { Application } from './application.entity';

/** For admin operations keyed by `applicationId`; null when there is no such application. */
export const applicationCommunity: CommunityLocator = async (args, ctx) => {
  const id = parseId(args.applicationId as string, 'applicationId');
  const row = (await ctx.em.createQueryBuilder(Application).select('community').where({ id }).execute('get')) as { community?: number } | undefined;
  return row?.community == null ? null : Number(row.community);
};
