import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import {
  DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLField,
  GraphQLSchema,
  isIntrospectionType,
  isListType,
  isObjectType,
  isInterfaceType,
  isLeafType,
  Kind,
  separateOperations,
  visit,
  type GraphQLNamedType,
} from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity } from 'graphql-query-complexity';
import { Extensions } from 'type-graphql';
import { variablesCoerce } from './variable-coercion';

/**
 * What one request may ask for. Shape limits (aliases, depth, directives) are graphql-armor's, the token limit graphql-js's parser's; they
 * look at the document as written, so `@include(if: false)` hides nothing from them. The cost is
 * graphql-query-complexity's, computed for every request with its variables (cached per document only under
 * the values of the variables that can change it), with lists multiplied by their page size; a cost that
 * cannot be computed refuses the request.
 */
export const QUERY_LIMITS = {
  /** The mini-program's largest document has about 450 tokens. */
  maxTokens: 2000,
  maxDepth: 10,
  /** The mini-program sends no aliases; 15 leaves room for outside clients. */
  maxAliases: 15,
  maxDirectives: 20,
  maxCost: 2000,
} as const;

/** Page-size arguments, and the size assumed when the argument is left out and has no default. */
const PAGE_SIZE_ARGUMENTS = ['first', 'last', 'limit'];
const DEFAULT_PAGE_SIZE = 20;
/** The lists of a cursor connection (`edges`, `nodes`), as many as the connection's page size. */
const CONNECTION_LISTS = new Set(['edges', 'nodes']);
/**
 * The largest page any field accepts (its class-validator @Max): a larger value is refused at execution
 * as BAD_USER_INPUT, so it is costed as this, and the client learns the real limit.
 */
export const LARGEST_PAGE_SIZE = 200;
/**
 * What a field that renders an image (a QR code, a poster) costs: one request renders at most
 * maxCost / IMAGE_RENDER_COST = 20 of them, wherever they are asked for (lists multiply it).
 */
export const IMAGE_RENDER_COST = 100;
/** The introspection lists (types, fields, arguments) are bounded by the schema; costed as this many each. */
const INTROSPECTION_LIST_SIZE = 10;

/** The field extension that states how many items an unpaged list field can hold at most. */
const MAX_ITEMS = 'maxItems';

/**
 * Declares the most items an unpaged list field can return: the bound its write validation holds
 * (a form's 30 fields, 10 tiers, a cycle's 31 streak bonuses). The cost counts the field's children that
 * many times. A list of objects needs either this or a page-size argument (`first`); one with neither is
 * refused by the cost estimator and makes the server refuse to start (`unboundedListFields`). A list of
 * scalars (tags, dates) is one value of its field: its resolver runs once and nothing runs per item.
 */
export function MaxItems(items: number) {
  if (!Number.isInteger(items) || items < 1) throw new Error(`MaxItems needs a positive integer, not ${items}`);
  return Extensions({ [MAX_ITEMS]: items });
}

function declaredMaxItems(field: GraphQLField<unknown, unknown>): number | undefined {
  const items = field.extensions?.[MAX_ITEMS];
  return typeof items === 'number' ? items : undefined;
}

const isConnectionList = (parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>) => parent.name.endsWith('Connection') && CONNECTION_LISTS.has(field.name);
const hasPageSizeArgument = (field: GraphQLField<unknown, unknown>) => field.args.some((arg) => PAGE_SIZE_ARGUMENTS.includes(arg.name));

/**
 * How many items a list field is costed as, apart from its page size: a connection's edges are its page
 * (1: the connection field's page size has multiplied them already), an unpaged list its declared
 * MaxItems. Undefined: a list that is neither, which nothing may cost.
 */
function unpagedListSize(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): number | undefined {
  if (isConnectionList(parent, field)) return 1;
  if (isIntrospectionType(parent)) return INTROSPECTION_LIST_SIZE;
  return declaredMaxItems(field);
}

/** A list whose items are objects: each item's selection runs once per item, so the list's length is its cost. */
const isObjectList = (field: GraphQLField<unknown, unknown>) => isListType(getNullableType(field.type)) && !isLeafType(getNamedType(field.type));

/**
 * The lists of objects in the schema with neither a page-size argument nor a declared MaxItems (nor a
 * connection's edges): `Type.field`. Empty for a schema whose every list is bounded.
 */
export function unboundedListFields(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap()).flatMap((type) => {
    if ((!isObjectType(type) && !isInterfaceType(type)) || isIntrospectionType(type)) return [];
    return Object.values(type.getFields())
      .filter((field) => isObjectList(field) && !hasPageSizeArgument(field) && unpagedListSize(type, field) === undefined)
      .map((field) => `${type.name}.${field.name}`);
  });
}

function queryTooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
}

const refuseAs =
  (message: string, limit: number): GraphQLArmorRejectCallback =>
  (context) => {
    context?.reportError(queryTooComplex(`${message}（上限 ${limit}），请简化后再试`));
  };

function pageSizeOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | undefined {
  for (const name of PAGE_SIZE_ARGUMENTS) {
    const declared = field.args.find((arg) => arg.name === name);
    if (!declared) continue;
    const value = args[name] ?? declared.defaultValue;
    return typeof value === 'number' && Number.isFinite(value) ? Math.min(LARGEST_PAGE_SIZE, Math.max(0, value)) : DEFAULT_PAGE_SIZE;
  }
  return undefined;
}

/**
 * What a request costs is the objects it makes the server build, each list counted at the most items it
 * can return, plus the declared cost of fields that do work of their own (an image render). An object
 * costs 1 and its fields; a list of objects as many objects as its page size (`first`…) or its declared
 * MaxItems; a connection (a field with a page size that is not a list) its children that many times. A
 * scalar is a value of the object it is read from: 0 unless its field declares a `complexity`. A list
 * of objects with no bound has no cost: the request is refused (and the server does not start with one,
 * see queryLimits).
 */
const objectCountingEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (isLeafType(getNamedType(field.type))) return 0;
  const pageSize = pageSizeOf(field, args);
  const items = pageSize ?? (isObjectList(field) ? unpagedListSize(type, field) : 1);
  if (items === undefined) throw new Error(`${type.name}.${field.name} is a list without a page size or a declared MaxItems`);
  return Math.max(1, items) * (1 + childComplexity);
};

/** What an operation costs with these variables (throws when it has no cost: an unbounded list). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined): number {
  const query = operationName ? separateOperations(document)[operationName] ?? document : document;
  // A field's own `complexity` (e.g. the QR image) is multiplied by the lists above it like any other.
  return getComplexity({ schema, query, variables, operationName, estimators: [fieldExtensionsEstimator(), objectCountingEstimator] });
}

/**
 * The variables a document's cost depends on: those given to a page-size argument or to `@include`/`@skip`.
 * Everything else (a requestId, a note, an id) leaves the cost as it is.
 */
export function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (argument: { name: { value: string }; value: { kind: Kind } & Partial<{ name: { value: string } }> }, relevant: boolean) => {
    if (relevant && argument.value.kind === Kind.VARIABLE && argument.value.name) names.add(argument.value.name.value);
  };
  visit(document, {
    Field: (field) => field.arguments?.forEach((argument) => collect(argument, PAGE_SIZE_ARGUMENTS.includes(argument.name.value))),
    Directive: (directive) => directive.arguments?.forEach((argument) => collect(argument, directive.name.value === 'include' || directive.name.value === 'skip')),
  });
  return [...names].sort();
}

/** Costs known per parsed document (Apollo reuses the parsed document of a query it has seen) and per cost-driving values. */
const MAX_COSTS_PER_DOCUMENT = 64;
/** A variable left out (its default applies) is not the same as one sent as null. */
const ABSENT = { absent: true };
const knownCosts = new WeakMap<DocumentNode, { variables: string[]; costs: Map<string, number> }>();

function cachedOperationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined): number {
  let known = knownCosts.get(document);
  if (!known) knownCosts.set(document, (known = { variables: costVariables(document), costs: new Map() }));
  const key = `${operationName ?? ''}\u0000${JSON.stringify(known.variables.map((name) => (variables && name in variables ? variables[name] : ABSENT)))}`;
  let cost = known.costs.get(key);
  if (cost === undefined) {
    cost = operationCost(schema, document, operationName, variables);
    if (known.costs.size < MAX_COSTS_PER_DOCUMENT) known.costs.set(key, cost);
  }
  return cost;
}

/** Refuses operations that cost too much, for this request's variables. Nothing fails open. */
function queryCostPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          // Variables that do not coerce: execution refuses the request with BAD_USER_INPUT before any resolver runs.
          if (operation && !variablesCoerce(schema, operation, request.variables)) return;
          let cost: number;
          try {
            cost = cachedOperationCost(schema, document, request.operationName ?? undefined, request.variables ?? undefined);
          } catch {
            cost = Number.POSITIVE_INFINITY; // nothing fails open
          }
          if (!Number.isFinite(cost) || cost > QUERY_LIMITS.maxCost) {
            const shown = Number.isFinite(cost) ? `${cost} > ${QUERY_LIMITS.maxCost}` : `上限 ${QUERY_LIMITS.maxCost}`;
            throw queryTooComplex(`查询过于复杂（${shown}），请减少数量或拆分后再试`);
          }
        },
      };
    },
  };
}

/** The plugins and validation rules that bound every request, for the Apollo server. */
export function queryLimits(schema: GraphQLSchema, options: { production: boolean }) {
  const unbounded = unboundedListFields(schema);
  if (unbounded.length) throw new Error(`List fields without a page size (first) or a declared @MaxItems: ${unbounded.join(', ')}`);
  const armor = new ApolloArmor({
    // graphql-js counts tokens while it parses (Apollo's parseOptions, below); armor's would parse a second time
    maxTokens: { enabled: false },
    maxDepth: { n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, propagateOnRejection: false, onReject: [refuseAs('查询嵌套过深', QUERY_LIMITS.maxDepth)] },
    maxAliases: { n: QUERY_LIMITS.maxAliases, propagateOnRejection: false, onReject: [refuseAs('别名过多', QUERY_LIMITS.maxAliases)] },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, propagateOnRejection: false, onReject: [refuseAs('指令过多', QUERY_LIMITS.maxDirectives)] },
    costLimit: { enabled: false }, // graphql-query-complexity's, below: armor's does not multiply lists
    blockFieldSuggestion: { enabled: options.production },
  }).protect();
  return { plugins: [...armor.plugins, queryCostPlugin(schema)], validationRules: armor.validationRules, parseOptions: { maxTokens: QUERY_LIMITS.maxTokens } };
}
