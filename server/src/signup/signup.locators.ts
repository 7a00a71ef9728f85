import type { CommunityLocator } from '../auth/community-role.guard';
import { parseId } from '../graphql/ids';
import { SignupForm } from './signup-form.entity';

/** For admin operations keyed by `formId`; null when there is no such form. */
export const signupFormCommunity: CommunityLocator = async (args, ctx) => {
  const id = parseId(args.formId as string, 'formId');
  const row = (await ctx.em.createQueryBuilder(SignupForm).select('community').where({ id }).execute('get')) as { community?: number } | undefined;
  return row?.community == null ? null : Number(row.community);
};
