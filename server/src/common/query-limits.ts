import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLSchema, separateOperations } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export const MAX_QUERY_DEPTH = 10;
export const MAX_QUERY_COST = 1500;

export const depthLimitRule = depthLimit(MAX_QUERY_DEPTH);

/** Refuses operations whose estimated cost (1 per field unless a field says otherwise) is too high. */
export function queryCostPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const query = request.operationName ? separateOperations(document)[request.operationName] : document;
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: query ?? document,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Variables that do not coerce: execution refuses them with a proper BAD_USER_INPUT.
            return;
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
