import { GraphQLSchema, GraphQLTypeResolver, GraphQLUnionType } from 'graphql';
import { isErrorResult } from '../graphql/error-result';
import type { Metrics } from './metrics';

const counting = new WeakSet<GraphQLSchema>();

/**
 * Every result union answers an ErrorResult member through its resolveType: wrapped once per schema (the
 * schema is built once per process), each refusal is counted by errorCode in the metrics of the server
 * that answered it (`metricsOf` the request context; none when metrics are off).
 */
export function countRefusals(schema: GraphQLSchema, metricsOf: (context: unknown) => Metrics | null): void {
  if (counting.has(schema)) return;
  counting.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLUnionType) || !type.resolveType) continue;
    const resolveType: GraphQLTypeResolver<unknown, unknown> = type.resolveType;
    type.resolveType = (value, context, info, abstractType) => {
      if (isErrorResult(value)) metricsOf(context)?.countRefusal(value.errorCode);
      return resolveType(value, context, info, abstractType);
    };
  }
}
