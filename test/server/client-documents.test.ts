import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  validate,
} from 'graphql';
import { buildAppSchema } from '../../server/src/schema';
import { costVariables, LARGEST_PAGE_SIZE, operationCost, QUERY_LIMITS } from '../../server/src/graphql/query-limits';
import { clientFiles, clientOperations } from '../helpers/client-operations';

const REPO = path.join(__dirname, '..', '..');
const SCHEMA_TEXT = readFileSync(path.join(REPO, 'schema', 'schema.graphql'), 'utf8');

/** Every document of the mini-program: one per operation, with the fragments it spreads (from any feature's file). */
function clientDocuments(): Array<{ name: string; document: DocumentNode }> {
  return clientOperations().map(({ file, kind, name, document }) => ({ name: `miniprogram/src/${file} ${kind} ${name}`, document }));
}

function failures(schema: GraphQLSchema): string[] {
  return clientDocuments().flatMap(({ name, document }) => validate(schema, document).map((error) => `${name}: ${error.message}`));
}

describe('the mini-program GraphQL documents (miniprogram/src/**/*.graphql)', () => {
  it('are found: every feature keeps its documents', () => {
    const names = clientDocuments().map(({ name }) => name);
    expect(names.length).toBeGreaterThan(80);
    expect(names).toContainEqual(expect.stringMatching(/features\/membership\/membership\.graphql query Membership$/));
  });

  it('all validate against schema/schema.graphql', () => {
    expect(failures(buildSchema(SCHEMA_TEXT))).toEqual([]);
  });

  it('fail by name when the schema loses what a document asks for', () => {
    const mutated = SCHEMA_TEXT.replace(/^\s*pointsToNextTier: Int\n/m, '\n');
    expect(mutated).not.toBe(SCHEMA_TEXT);
    const found = failures(buildSchema(mutated));
    expect(found).toContainEqual(expect.stringMatching(/^miniprogram\/src\/features\/membership\/membership\.graphql query Membership: Cannot query field "pointsToNextTier"/));
    expect(found.every((line) => /^miniprogram\/src\/features\/\S+\.graphql (query|mutation) \w+: /.test(line))).toBe(true);
  });

  it('have their generated types and typed documents up to date (run `npm run codegen` after editing a .graphql file or the schema)', () => {
    const run = spawnSync(path.join(REPO, 'node_modules', '.bin', 'graphql-codegen'), ['--config', 'codegen.ts', '--check'], {
      cwd: path.join(REPO, 'miniprogram'),
      encoding: 'utf8',
    });
    expect({ status: run.status, output: run.status === 0 ? '' : run.stdout + run.stderr }).toEqual({ status: 0, output: '' });
    const sources = clientFiles('.graphql').map((file) => file.replace(/\.graphql$/, ''));
    expect(clientFiles('.generated.ts').map((file) => file.replace(/\.generated\.ts$/, ''))).toEqual(sources);
  });
});

/** A value of the type for every required variable: ids, texts and numbers change no cost. */
function sampleValue(schema: GraphQLSchema, type: GraphQLInputType): unknown {
  if (!isNonNullType(type)) return null;
  const inner = type.ofType;
  if (isListType(inner)) return [];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isInputObjectType(inner)) {
    return Object.fromEntries(Object.values(inner.getFields()).flatMap((field) => (isNonNullType(field.type) ? [[field.name, sampleValue(schema, field.type)]] : [])));
  }
  return ({ Int: 1, Float: 1, Boolean: false, DateTimeISO: '2026-01-01T00:00:00.000Z' } as Record<string, unknown>)[inner.name] ?? '1';
}

describe('what the mini-program sends costs less than the limit', () => {
  it('every operation, with each page-size variable at the largest page any field accepts', async () => {
    const schema = await buildAppSchema();
    const costs = clientOperations().map(({ file, name, definition, document }) => {
      const paging = new Set(costVariables(document));
      const variables = Object.fromEntries(
        (definition.variableDefinitions ?? []).map((variable) => {
          const name = variable.variable.name.value;
          return [name, paging.has(name) ? LARGEST_PAGE_SIZE : sampleValue(schema, typeFromAST(schema, variable.type as never) as GraphQLInputType)];
        }),
      );
      return { operation: `${file} ${name}`, cost: operationCost(schema, document, name, variables) };
    });
    console.info(costs.sort((a, b) => b.cost - a.cost).slice(0, 12).map(({ operation, cost }) => `${cost}\t${operation}`).join('\n'));
    expect(costs.filter(({ cost }) => cost > QUERY_LIMITS.maxCost)).toEqual([]);
  });
});
