import type { GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';

/**
 * Whether a request's variables coerce to its operation's definitions. The query-cost plugin and the compiled
 * executor both ask for the same request; Apollo hands both the same variables object, so it is answered once.
 */
const answers = new WeakMap<object, boolean>();

export function variablesCoerce(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): boolean {
  if (!operation.variableDefinitions?.length) return true;
  let answer = variables ? answers.get(variables) : undefined;
  if (answer === undefined) {
    answer = !getVariableValues(schema, operation.variableDefinitions, variables ?? {}).errors;
    if (variables) answers.set(variables, answer);
  }
  return answer;
}
