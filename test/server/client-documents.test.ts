import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, type DocumentNode, type GraphQLSchema, validate } from 'graphql';
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
