import type { EntityManager } from '@mikro-orm/knex';
import type { ServiceContext } from '../service-context';
import { runStatement } from '../db/sql';

/**
 * Community.settingsVersion keys the per-process caches of the check-in rule and the tiers
 * (see common/versioned-cache.ts). Bump it with every change to either, after or in the same
 * transaction as the change.
 */
export async function bumpSettingsVersion(em: EntityManager, communityId: number): Promise<void> {
  await runStatement(em, 'update community set settings_version = settings_version + 1 where id = ?', [communityId]);
}

/** As the request read it: the caller's member lookup brings the community row along, so this is usually free. */
export async function settingsVersionOf(ctx: ServiceContext, communityId: number): Promise<number | null> {
  const known = ctx.settingsVersions.get(communityId);
  if (known !== undefined) return known;
  const community = await ctx.loaders.community.load(communityId);
  return community ? community.settingsVersion : null;
}
