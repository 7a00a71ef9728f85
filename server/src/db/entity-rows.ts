import { EntityClass, EntityProperty, MergeOptions, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';

/**
 * Entities out of hand-written joined SELECTs (see sql.ts): `columnsOf` lists an entity's
 * columns under a prefix, `mapPrefixed` takes them back out of the row and merges the entity
 * into the EntityManager, converted as if the ORM had loaded it itself. Lazy columns (a user's
 * session_key) are left out, as the ORM leaves them out.
 */
const columnLists = new Map<string, { sql: string; fields: string[] }>();

function columnList(em: EntityManager, entity: EntityClass<object>, alias: string) {
  const key = `${entity.name}:${alias}`;
  let list = columnLists.get(key);
  if (!list) {
    const meta = em.getMetadata().get(entity.name);
    const fields = meta.props
      .filter((prop) => prop.persist !== false && !prop.lazy && (prop.kind === ReferenceKind.SCALAR || prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)))
      .flatMap((prop) => prop.fieldNames);
    const quote = (name: string) => em.getPlatform().quoteIdentifier(name);
    list = { fields, sql: fields.map((field) => `${alias}.${quote(field)} as ${quote(`${alias}__${field}`)}`).join(', ') };
    columnLists.set(key, list);
  }
  return list;
}

/** `m.id as m__id, m.created_at as m__created_at, …` for every column of the entity. */
export function columnsOf(em: EntityManager, entity: EntityClass<object>, alias: string): string {
  return columnList(em, entity, alias).sql;
}

const TRUSTED_ROW: MergeOptions = { validate: false, cascade: false };

export function mapPrefixed<T extends object>(em: EntityManager, entity: EntityClass<T>, alias: string, row: Record<string, unknown>): T {
  const data: Record<string, unknown> = {};
  for (const field of columnList(em, entity, alias).fields) data[field] = row[`${alias}__${field}`];
  // The row comes from the database with the entity's own columns: the merge skips re-validating every
  // property and walking relations (a third of a small request's CPU went to them; bench/profile-top.js).
  // em.map hands its options on to em.merge (MikroORM 6), though its type names only `schema`.
  return em.map(entity, data as never, TRUSTED_ROW as { schema?: string });
}

/**
 * Some scalar values of an entity out of a row with its prefixed columns, converted by the ORM's own
 * hydrator as mapPrefixed would convert them, onto a plain object: no entity is created or merged
 * (about 1 µs against 30–50 µs for mapping a group-buy or a member). For a hot path that decides on
 * a few values and may never need the entity.
 */
export function valuesOf<T extends object, K extends keyof T & string>(em: EntityManager, entity: EntityClass<T>, alias: string, row: Record<string, unknown>, properties: readonly K[]): Pick<T, K> {
  const metadata = em.getMetadata();
  const meta = metadata.get<T>(entity.name);
  const data: Record<string, unknown> = {};
  for (const name of properties) {
    const prop = (meta.properties as Record<string, EntityProperty>)[name];
    if (prop.kind !== ReferenceKind.SCALAR) throw new Error(`valuesOf reads scalar properties only, not ${entity.name}.${name}`);
    data[name] = row[`${alias}__${prop.fieldNames[0]}`];
  }
  const values = {} as Pick<T, K>;
  em.config.getHydrator(metadata).hydrate(values as T, meta, data as never, em.getEntityFactory(), 'full', false, true);
  return values;
}

const viewColumns = new Map<string, { scalars: string[]; references: EntityProperty[] }>();

/**
 * A read-only copy of an entity out of a row with its prefixed columns: every column converted by the
 * ORM's own hydrator as mapPrefixed converts it (valuesOf of every scalar), onto an object that no
 * EntityManager manages, so nothing of it is ever written back; a many-to-one relation is a reference
 * that carries only its id. For a query that answers with a row and changes nothing (the home page's
 * member and community): mapping the managed entity instead creates, registers and instruments an
 * object per row, a fifth of the home query's CPU (bench/profile-top.js).
 */
export function viewOf<T extends object>(em: EntityManager, entity: EntityClass<T>, alias: string, row: Record<string, unknown>): T {
  let columns = viewColumns.get(entity.name);
  if (!columns) {
    const persisted = em.getMetadata().get<T>(entity.name).props.filter((prop) => prop.persist !== false && !prop.lazy);
    columns = {
      scalars: persisted.filter((prop) => prop.kind === ReferenceKind.SCALAR).map((prop) => prop.name),
      references: persisted.filter((prop) => prop.kind === ReferenceKind.MANY_TO_ONE),
    };
    viewColumns.set(entity.name, columns);
  }
  const view: Record<string, unknown> = valuesOf(em, entity, alias, row, columns.scalars as Array<keyof T & string>);
  for (const prop of columns.references) {
    const id = row[`${alias}__${prop.fieldNames[0]}`];
    view[prop.name] = id == null ? null : { id: Number(id) };
  }
  // An instance of the entity class, as type-graphql wants a resolver's root (it builds one per field
  // resolver call otherwise), whose values are its own data properties: the prototype's change-tracking
  // accessors (MikroORM's propagationOnPrototype) are shadowed, never called.
  return Object.setPrototypeOf(view, entity.prototype) as T;
}
