import type { Member } from './member.entity';
import type { MemberStatus } from './member.enums';

/** What recording a member's activity reads. */
export interface ActivityOf {
  id: number;
  lastActiveAt?: Date | null;
  joinedAt: Date;
  community: { id: number; timezone: string };
}

/** The values of the caller's member row that the hot paths decide on (callerMemberValues). */
export interface CallerMemberValues extends ActivityOf {
  status: MemberStatus;
  tierLevel: number;
  community: { id: number; timezone: string; settingsVersion: number };
}

/**
 * The caller's member in one community, as the request looked it up: the row and its values once
 * read, the entity mapped from the row when first awaited, once (a request that never asks for the
 * entity never maps it).
 */
export class CallerMemberLookup implements PromiseLike<Member | null> {
  private mapped?: Promise<Member | null>;

  constructor(
    readonly read: Promise<{ row: Record<string, unknown>; values: CallerMemberValues } | null>,
    private readonly map: (row: Record<string, unknown>) => Member,
  ) {}

  then<Fulfilled = Member | null, Rejected = never>(
    onFulfilled?: ((member: Member | null) => Fulfilled | PromiseLike<Fulfilled>) | null,
    onRejected?: ((reason: unknown) => Rejected | PromiseLike<Rejected>) | null,
  ): PromiseLike<Fulfilled | Rejected> {
    this.mapped ??= this.read.then((found) => (found ? this.map(found.row) : null));
    return this.mapped.then(onFulfilled, onRejected);
  }
}
