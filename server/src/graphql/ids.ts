import { badInput } from './graphql-errors';

/** GraphQL IDs arrive as strings; database keys are positive integers. */
export function parseId(value: string | number, field = 'id'): number {
  const text = String(value);
  if (!/^[1-9]\d{0,14}$/.test(text)) throw badInput('编号格式不正确', field);
  return Number(text);
}
