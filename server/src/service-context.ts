import type { EntityManager } from '@mikro-orm/knex';
import { communityLoaders } from './community/community.loaders';
import { couponLoaders } from './coupon/coupon.loaders';
import { groupBuyLoaders } from './groupbuy/group-buy.loaders';
import { memberLoaders } from './member/member.loaders';
import { signupLoaders } from './signup/signup.loaders';
import { tierLoaders } from './tier/tier.loaders';
import { userLoaders } from './user/user.loaders';
import type { CallerMemberLookup } from './member/caller-member-lookup';
import type { User } from './user/user.entity';
import type { SessionUser } from './auth/session-user';

/**
 * What every service method receives first: the request's own EntityManager fork (never the global
 * one), the caller and per-request caches. Services get each other as constructor parameters
 * (app-services.ts), so this carries none of them; resolvers get the RequestContext (context.ts),
 * which adds the app's services.
 */
export interface ServiceContext {
  em: EntityManager;
  /** The caller's user id (a live session), or null: anonymous, or the server itself. */
  readonly userId: number | null;
  /** The caller as an entity of `em`, mapped on first use: ask for `userId` when the id is all you need. */
  readonly user: User | null;
  /** The caller's user row as a read-only view, for showing its nickname and avatar (the home page's member card): nothing mapped. */
  readonly userView: User | null;
  loaders: RequestLoaders;
  /** The caller's Member row per community, looked up once per request (MemberAccessService). */
  callerMembers: Map<number, CallerMemberLookup>;
  /** Communities' settings versions as the request read them with the caller's member rows (settings-version.ts). */
  settingsVersions: Map<number, number>;
  /** The client's address (X-Forwarded-For from trusted proxies only), for the per-address rate limits. */
  clientAddress: string;
}

/**
 * A context of the given caller (null: the server itself, e.g. for WeChat Pay's notifications and the
 * periodic jobs), with `extra` beside it (the RequestContext's services).
 */
export function createServiceContext<Extra extends object = object>(em: EntityManager, caller: SessionUser | null, clientAddress: string, extra?: Extra): ServiceContext & Extra {
  return Object.assign(new CallerContext(em, caller, clientAddress), extra);
}

/**
 * `user` is a getter of the prototype, not an own property: Apollo Server copies the context's own
 * properties into a fresh object per operation (Object.assign), which would map the user every time.
 */
class CallerContext implements ServiceContext {
  readonly userId: number | null;
  readonly loaders: RequestLoaders;
  readonly callerMembers = new Map<number, CallerMemberLookup>();
  readonly settingsVersions = new Map<number, number>();

  constructor(
    readonly em: EntityManager,
    private readonly caller: SessionUser | null,
    readonly clientAddress: string,
  ) {
    this.userId = caller?.id ?? null;
    this.loaders = lazyLoaders(em, caller);
  }

  get user(): User | null {
    return this.caller?.user ?? null;
  }

  get userView(): User | null {
    return this.caller?.view ?? null;
  }
}

/** Each domain's per-request loaders, from its own `*.loaders.ts`. */
const DOMAIN_LOADERS = {
  user: userLoaders,
  community: communityLoaders,
  member: memberLoaders,
  tier: tierLoaders,
  coupon: couponLoaders,
  groupBuy: groupBuyLoaders,
  signup: signupLoaders,
};
type Domain = keyof typeof DOMAIN_LOADERS;

/** Per-request batching, each domain's loaders from its own `*.loaders.ts`: one query per kind of row however many a list shows. */
export function createLoaders(em: EntityManager, caller: SessionUser | null = null) {
  return {
    ...userLoaders(em, caller),
    ...communityLoaders(em),
    ...memberLoaders(em),
    ...tierLoaders(em),
    ...couponLoaders(em),
    ...groupBuyLoaders(em),
    ...signupLoaders(em),
  };
}

export type RequestLoaders = ReturnType<typeof createLoaders>;

/**
 * createLoaders, each domain's made when one of its loaders is first asked for: a request uses the
 * loaders of a domain or two, and making all of them was a few per cent of the home query's CPU.
 * The getters live on a prototype built once (from the loader names of the first request's set).
 */
function lazyLoaders(em: EntityManager, caller: SessionUser | null): RequestLoaders {
  loadersPrototype ??= prototypeOf(em, caller);
  const loaders = Object.create(loadersPrototype) as RequestLoaders & { em: EntityManager; caller: SessionUser | null; made: Partial<Record<Domain, object>> };
  loaders.em = em;
  loaders.caller = caller;
  loaders.made = {};
  return loaders;
}

let loadersPrototype: object | undefined;

const makeLoaders = (domain: Domain, em: EntityManager, caller: SessionUser | null) => (domain === 'user' ? userLoaders(em, caller) : DOMAIN_LOADERS[domain](em));

/** A getter per loader name, which makes the loader's domain's set for the request on first use. */
function prototypeOf(em: EntityManager, caller: SessionUser | null): object {
  const prototype = {};
  for (const domain of Object.keys(DOMAIN_LOADERS) as Domain[]) {
    for (const name of Object.keys(makeLoaders(domain, em, caller))) {
      Object.defineProperty(prototype, name, {
        get(this: { em: EntityManager; caller: SessionUser | null; made: Partial<Record<Domain, Record<string, unknown>>> }) {
          const made = (this.made[domain] ??= makeLoaders(domain, this.em, this.caller) as Record<string, unknown>);
          return made[name];
        },
      });
    }
  }
  return prototype;
}
