import type { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, GraphQLSchema, separateOperations } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COST = 1500;
const COST_CACHE_SIZE = 500;

export const depthLimitRule = depthLimit(MAX_QUERY_DEPTH);

/** Estimated cost: 1 per field unless the field declares its own; undefined when variables do not coerce. */
function estimateCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables?: Record<string, unknown>) {
  const query = operationName ? separateOperations(document)[operationName] : document;
  try {
    return getComplexity({ schema, query: query ?? document, variables, estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })] });
  } catch {
    // Variables that do not coerce: execution refuses them with a proper BAD_USER_INPUT.
    return undefined;
  }
}

/**
 * Refuses operations that cost too much. No estimator reads arguments, so the cost depends on
 * the document alone and is cached by its text (the mini-program sends a fixed set of queries).
 */
export function queryCostPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  const costs = new Map<string, number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cacheKey = `${request.operationName ?? ''}\n${request.query ?? ''}`;
          let cost = costs.get(cacheKey);
          if (cost === undefined) {
            cost = estimateCost(schema, document, request.operationName, request.variables);
            if (cost === undefined) return;
            if (costs.size >= COST_CACHE_SIZE) costs.delete(costs.keys().next().value!);
            costs.set(cacheKey, cost);
          }
          if (cost > MAX_QUERY_COST) {
            throw new GraphQLError(`查询过于复杂（${cost} > ${MAX_QUERY_COST}），请拆分后再试`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
