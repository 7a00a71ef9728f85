import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, Kind, parse, validate, visit } from 'graphql';

const REPO = path.join(__dirname, '..', '..');
const SOURCE = path.join(REPO, 'miniprogram', 'src');
const SCHEMA_TEXT = readFileSync(path.join(REPO, 'schema', 'schema.graphql'), 'utf8');

function filesEndingWith(suffix: string, dir = SOURCE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesEndingWith(suffix, full);
    return entry.name.endsWith(suffix) ? [full] : [];
  });
}

/** Every document of the mini-program: one per operation, with the fragments it spreads (from any feature's file). */
function clientDocuments(): Array<{ name: string; document: DocumentNode }> {
  const parsed = filesEndingWith('.graphql').map((file) => ({ file: path.relative(REPO, file), ast: parse(readFileSync(file, 'utf8')) }));
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { ast } of parsed) for (const def of ast.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const needed = (node: DocumentNode['definitions'][number], seen = new Set<string>()): Set<string> => {
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (seen.has(spread.name.value)) return;
        seen.add(spread.name.value);
        if (fragment) needed(fragment, seen);
      },
    });
    return seen;
  };
  return parsed.flatMap(({ file, ast }) =>
    ast.definitions.flatMap((def) => {
      if (def.kind !== Kind.OPERATION_DEFINITION) return [];
      const used = [...needed(def)].flatMap((name) => (fragments.has(name) ? [fragments.get(name)!] : []));
      return [{ name: `${file} ${def.operation} ${def.name?.value ?? '(anonymous)'}`, document: { kind: Kind.DOCUMENT, definitions: [def, ...used] } as DocumentNode }];
    }),
  );
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
    const sources = filesEndingWith('.graphql').map((file) => file.replace(/\.graphql$/, ''));
    expect(filesEndingWith('.generated.ts').map((file) => file.replace(/\.generated\.ts$/, ''))).toEqual(sources);
  });
});
