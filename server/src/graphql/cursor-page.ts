import { Max, Min } from 'class-validator';
import { ArgsType, type ClassType, Field, ID, Int, ObjectType } from 'type-graphql';
import { badInput } from './graphql-errors';

/** Where a page of a cursor connection ends: pass endCursor as `after` for the next one. */
@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** A page of one of a community's connections: 20 at a time by default, at most 100, after a cursor. */
@ArgsType()
export class CommunityPageArgs {
  @Field(() => ID)
  communityId!: string;

  @Field(() => Int, { defaultValue: 20 })
  @Min(1)
  @Max(100)
  first!: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;
}

/**
 * The types of a cursor connection of `Node`: its edge (named `edgeName` in the schema) and an abstract
 * connection (`edges`, `pageInfo`) that each connection extends under its own name, with its own counts.
 */
export function CursorConnection<TNode extends object>(Node: ClassType<TNode>, edgeName: string) {
  @ObjectType(edgeName)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => Node)
    node!: TNode;
  }

  // Never a type of the schema itself: only the connections that extend it are (type-graphql emits what is used).
  @ObjectType()
  abstract class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return Connection;
}

/**
 * Cursor paging, one way for every connection: opaque cursors (`<prefix>:<n>[:<n>…]`, base64url, integers
 * only, so a forged one is refused as bad input) and the page cut out of `first + 1` rows.
 */
export function encodeCursor(prefix: string, ...parts: number[]): string {
  return Buffer.from([prefix, ...parts].join(':')).toString('base64url');
}

/** The cursor's integers, or BAD_USER_INPUT on `after` when it is not one of `prefix` with `count` parts. */
export function decodeCursor(prefix: string, cursor: string, count = 1): number[] {
  const parts = Buffer.from(cursor, 'base64url').toString().split(':');
  const numbers = parts.slice(1);
  if (parts[0] !== prefix || numbers.length !== count || !numbers.every((part) => /^\d{1,15}$/.test(part))) throw badInput('分页游标无效', 'after');
  return numbers.map(Number);
}

/** The filter for rows listed newest first by id, after a cursor of `prefix` (none: from the newest). */
export function beforeIdCursor(prefix: string, after: string | null | undefined): { id?: { $lt: number } } {
  return after ? { id: { $lt: decodeCursor(prefix, after)[0] } } : {};
}

/** Edges and page info out of the `first + 1` rows a query fetched (the extra row says there is a next page). */
export function pageOf<Row, Node>(rows: Row[], first: number, cursorOf: (row: Row) => string, nodeOf: (row: Row) => Node) {
  const page = rows.slice(0, first);
  return {
    edges: page.map((row) => ({ cursor: cursorOf(row), node: nodeOf(row) })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? cursorOf(page[page.length - 1]) : null },
  };
}
