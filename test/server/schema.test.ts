import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getMetadataStorage as validationMetadata } from 'class-validator';
import { buildSchema, isInputObjectType, isInterfaceType, isObjectType, parse } from 'graphql';
import { getMetadataStorage as graphqlMetadata } from 'type-graphql';
import { LARGEST_PAGE_SIZE, operationCost, queryLimits, unboundedListFields } from '../../server/src/graphql/query-limits';
import { buildAppSchema, printAppSchema } from '../../server/src/schema';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema:emit` after an API change)', async () => {
    const committed = readFileSync(path.join(__dirname, '..', '..', 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printAppSchema());
  });

  it('has no field or argument that could carry a WeChat session key or a secret', async () => {
    const schema = await buildAppSchema();
    const names: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const args: ReadonlyArray<{ name: string }> = 'args' in field ? field.args : [];
        names.push(field.name, ...args.map((arg) => arg.name));
      }
    }
    expect(names.length).toBeGreaterThan(50);
    expect(names.filter((name) => /session_?key|secret|openid/i.test(name))).toEqual([]);
  });
});

describe('every list of the schema is bounded', () => {
  it('every list of objects takes a page size, is a connection\'s edges, or declares @MaxItems', async () => {
    expect(unboundedListFields(await buildAppSchema())).toEqual([]);
  });

  it('a list with no bound has no cost: its requests are refused, and a server with it does not start', () => {
    const schema = buildSchema('type Query { rows: [Row!]! paged(first: Int = 10): [Row!]! } type Row { id: ID! }');
    expect(unboundedListFields(schema)).toEqual(['Query.rows']);
    expect(() => operationCost(schema, parse('{ rows { id } }'), undefined, {})).toThrow(/Query\.rows/);
    expect(operationCost(schema, parse('{ paged { id } }'), undefined, {})).toBe(10);
    expect(() => queryLimits(schema, { production: false })).toThrow(/Query\.rows/);
  });

  it('every page size (`first`) is an argument class field with @Min(1) and a @Max no larger than the cost assumes', async () => {
    const schema = await buildAppSchema();
    const withFirst = Object.values(schema.getTypeMap()).flatMap((type) =>
      isObjectType(type) && !type.name.startsWith('__') ? Object.values(type.getFields()).filter((field) => field.args.some((arg) => arg.name === 'first')).map((field) => field.name) : [],
    );
    const operations = [...graphqlMetadata().queries, ...graphqlMetadata().mutations, ...graphqlMetadata().fieldResolvers];
    expect(operations.filter((operation) => (operation.params ?? []).some((param) => param.kind === 'arg' && param.name === 'first'))).toEqual([]);
    const pageArgs = (operation: (typeof operations)[number]) =>
      (operation.params ?? []).flatMap((param) => (param.kind === 'args' ? [param.getType() as Function] : [])).find((type) => graphqlMetadata().fields.some((field) => field.name === 'first' && (field.target === type || type.prototype instanceof field.target)));
    const paged = operations.flatMap((operation) => {
      const type = pageArgs(operation);
      return type ? [{ name: operation.schemaName, type }] : [];
    });
    expect(paged.map(({ name }) => name).sort()).toEqual(withFirst.sort());
    for (const { name, type } of paged) {
      const rules = validationMetadata().getTargetValidationMetadatas(type, '', true, false).filter((rule) => rule.propertyName === 'first');
      const bound = (rule: string) => rules.find((candidate) => candidate.name === rule)?.constraints?.[0];
      expect({ name, min: bound('min'), maxWithin: bound('max') <= LARGEST_PAGE_SIZE }).toEqual({ name, min: 1, maxWithin: true });
    }
  });
});
