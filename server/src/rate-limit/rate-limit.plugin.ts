import type { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import type { RequestContext } from '../context';

/** Root mutations that call WeChat: at most one per request (an aliased batch would spend the app's quota). */
const OUTBOUND_MUTATIONS = new Set(['login']);
/** Root fields that look a community up by its join code: guessing them is limited per client address. */
const JOIN_CODE_FIELDS = new Set(['joinCommunity', 'communityPreview']);
/** Mutations not counted per user: login is counted per address, logout must always work. */
const UNCOUNTED_MUTATIONS = new Set(['login', 'logout']);

/** The root field names of the operation, fragments followed, one entry per (aliased) occurrence. */
function rootFieldNames(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>): string[] {
  const names: string[] = [];
  const visit = (selectionSet: SelectionSetNode, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
        visit(fragments[selection.name.value].selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return names;
}

/**
 * Rate limits applied before anything runs, so a refused request changes nothing: logins per client
 * address, mutations per user, and a refusal for addresses that spent their join-code misses (the misses
 * themselves are counted where a code is looked up).
 */
export function rateLimitPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue: ctx }) {
          if (!operation) return; // Apollo refuses a document without its operation before executing
          const fragments = Object.fromEntries(
            document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
          );
          const fields = rootFieldNames(operation, fragments);
          const limits = ctx.services.rateLimits;
          if (operation.operation === 'mutation') {
            const outbound = fields.filter((name) => OUTBOUND_MUTATIONS.has(name)).length;
            if (outbound > 1) {
              throw new GraphQLError('每次请求只能登录一次', { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
            }
            if (outbound === 1) await limits.consume('login', ctx.clientAddress);
            const counted = fields.filter((name) => !UNCOUNTED_MUTATIONS.has(name)).length;
            if (ctx.userId !== null && counted > 0) await limits.consume('mutations', String(ctx.userId), counted);
          }
          if (fields.some((name) => JOIN_CODE_FIELDS.has(name))) await limits.check('joinCodeMisses', ctx.clientAddress);
        },
      };
    },
  };
}
