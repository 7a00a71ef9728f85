import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse, print, visit } from 'graphql';

/** The mini-program's GraphQL documents: every `.graphql` file under miniprogram/src (the codegen's input). */
export const CLIENT_SOURCE = path.resolve(__dirname, '..', '..', 'miniprogram', 'src');

export interface ClientOperation {
  name: string;
  kind: 'query' | 'mutation' | 'subscription';
  file: string;
  definition: OperationDefinitionNode;
  /** The operation with every fragment it uses, from whichever file defines it: what the client sends. */
  document: DocumentNode;
  text: string;
}

/** The files under the mini-program's source whose names end with `suffix` (`.graphql`, `.generated.ts`). */
export function clientFiles(suffix: string, folder = CLIENT_SOURCE): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return clientFiles(suffix, full);
    return entry.name.endsWith(suffix) ? [full] : [];
  });
}

export function clientDocuments(root = CLIENT_SOURCE): Array<{ file: string; document: DocumentNode }> {
  return clientFiles('.graphql', root).map((file) => ({ file: path.relative(root, file), document: parse(readFileSync(file, 'utf8')) }));
}

export function clientOperations(root = CLIENT_SOURCE): ClientOperation[] {
  const documents = clientDocuments(root);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { document } of documents) {
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const usedBy = (node: OperationDefinitionNode | FragmentDefinitionNode, seen = new Set<string>()): Set<string> => {
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (seen.has(name)) return;
        seen.add(name);
        const fragment = fragments.get(name);
        if (fragment) usedBy(fragment, seen);
      },
    });
    return seen;
  };
  return documents.flatMap(({ file, document }) =>
    document.definitions
      .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
      .map((definition) => {
        const used = [...usedBy(definition)].flatMap((name) => (fragments.has(name) ? [fragments.get(name)!] : []));
        const operationDocument: DocumentNode = { kind: Kind.DOCUMENT, definitions: [definition, ...used] };
        return { name: definition.name?.value ?? '(anonymous)', kind: definition.operation, file, definition, document: operationDocument, text: print(operationDocument) };
      }),
  );
}
