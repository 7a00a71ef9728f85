import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { DocumentNode, execute, ExecutionResult, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';
import { variablesCoerce } from './variable-coercion';

/**
 * Execution of each operation compiled once into a function (graphql-jit), handed to Apollo Server through its
 * executor hook (the `gateway` option: Apollo parses, validates, runs the plugins and formats errors as
 * always; only the execution step is this). An operation graphql-jit cannot compile, and a request that
 * fails before execution (variables that do not coerce), go through graphql-js's `execute`, the reference
 * executor, so their answers are exactly graphql-js's. test/server/compiled-executor.test.ts checks that both
 * executors answer the same (data and errors) for every operation the mini-program sends.
 */
export type OperationExecutor = (request: {
  document: DocumentNode;
  /** The operation Apollo resolved in the document. */
  operation: OperationDefinitionNode;
  operationName: string | null;
  variables: Record<string, unknown> | undefined;
  context: unknown;
}) => Promise<ExecutionResult>;

/** Compiled queries per parsed document (Apollo hands the same document object to every request of one query text). */
const MAX_OPERATIONS_PER_DOCUMENT = 8;

export function compiledExecutor(schema: GraphQLSchema): OperationExecutor {
  const compiledByDocument = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();
  const compiledFor = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let byOperation = compiledByDocument.get(document);
    if (!byOperation) compiledByDocument.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    let compiled = byOperation.get(key);
    if (compiled === undefined) {
      compiled = compile(schema, document, operationName);
      if (byOperation.size < MAX_OPERATIONS_PER_DOCUMENT) byOperation.set(key, compiled);
    }
    return compiled;
  };
  const reference = referenceExecutor(schema);

  return async (request) => {
    const compiled = compiledFor(request.document, request.operationName);
    // Variables that do not coerce are refused before anything runs: graphql-js says so in its own words.
    if (!compiled || !variablesCoerce(schema, request.operation, request.variables)) return reference(request);
    const result = await compiled.query(undefined, request.context, request.variables ?? {});
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : (result as ExecutionResult);
  };
}

/** graphql-js's own `execute`: the fallback, and the reference the compiled path is tested against. */
export function referenceExecutor(schema: GraphQLSchema): OperationExecutor {
  return async ({ document, operationName, variables, context }) =>
    execute({ schema, document, operationName: operationName ?? undefined, variableValues: variables, contextValue: context });
}

/**
 * graphql-jit's errors inherit from graphql-js's GraphQLError but leave `extensions` undefined when the
 * thrown error has none (Apollo's error formatting reads `extensions.code`): the same error as graphql-js
 * builds it, with graphql-jit's path and locations.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  if (error.constructor === GraphQLError) return error;
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions ?? undefined });
  (rebuilt as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return rebuilt;
}

function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): CompiledQuery | null {
  try {
    const compiled = compileQuery(schema, document, operationName ?? undefined);
    return isCompiledQuery(compiled) ? compiled : null;
  } catch {
    return null; // not compilable: the reference executor answers it
  }
}

/** Apollo Server's executor hook for a schema it does not fetch: the schema is given once, the executor is ours. */
export function executorGateway(schema: GraphQLSchema, executeOperation: OperationExecutor): GatewayInterface {
  const executor: GatewayExecutor = (requestContext) =>
    executeOperation({
      document: requestContext.document,
      operation: requestContext.operation,
      operationName: requestContext.operationName,
      variables: requestContext.request.variables,
      context: requestContext.context,
    }) as ReturnType<GatewayExecutor>;
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}
