import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

export interface GraphQLResponse<T = any> {
  status: number;
  data: T;
  errors?: Array<{ message: string; extensions?: Record<string, any>; path?: unknown[] }>;
  raw: string;
}

/** One GraphQL call over real HTTP, the way the mini-program makes it. */
export async function graphql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const raw = await response.text();
  let body: { data?: T; errors?: GraphQLResponse['errors'] } = {};
  try {
    body = JSON.parse(raw);
  } catch {
    // not JSON: callers look at status and raw
  }
  return { status: response.status, data: body.data as T, errors: body.errors, raw };
}

export class GraphQLClient {
  constructor(readonly url: string, readonly token?: string) {}

  request<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    return graphql<T>(this.url, query, variables, this.token);
  }

  /** The data of a call that must succeed; fails the test with the errors otherwise. */
  async data<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || result.status >= 400) {
      throw new Error(`GraphQL call failed (${result.status}): ${JSON.stringify(result.errors ?? result.raw)}`);
    }
    return result.data;
  }

  /** A mini-program document (generated from its feature's .graphql file), sent as the app sends it; its data, typed. */
  send<TData, TVariables extends Record<string, unknown>>(document: DocumentTypeDecoration<TData, TVariables>, variables: TVariables): Promise<TData> {
    return this.data<TData>(document.toString(), variables);
  }

  /** The first error's code of a call that must fail. */
  async errorCode(query: string, variables: Record<string, unknown> = {}): Promise<string | undefined> {
    const result = await this.request(query, variables);
    return result.errors?.[0]?.extensions?.code;
  }
}
