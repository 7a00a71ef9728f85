/** A bare GraphQL call against the demo server, for facts the browser test checks against. */
export async function graphqlRequest<T>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A session token for a dev-login user (the server runs with WECHAT_LOGIN=dev). */
export async function devLoginToken(baseUrl: string, name: string): Promise<string> {
  const { login } = await graphqlRequest<{ login: { token: string } }>(
    baseUrl,
    'mutation ($code: String!) { login(code: $code) { token } }',
    { code: `dev:${name}` },
  );
  return login.token;
}
