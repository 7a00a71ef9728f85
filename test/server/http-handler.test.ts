import { trustProxyRule } from '../../server/src/graphql/http-handler';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-env';

/** `/graphql` on node:http (server/src/graphql/http-handler.ts): what Express and its body-parser did, done the same way. */
describe('the /graphql handler', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment('http_handler');
  });
  afterAll(async () => {
    await env?.close();
  });

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${env.url}/graphql`, { method: 'POST', headers, body });

  it('answers a JSON POST, compactly, with its length', async () => {
    const response = await post(JSON.stringify({ query: '{ __typename }' }));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toBe('{"data":{"__typename":"Query"}}\n'.trim());
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers a GET query (no body), and refuses a GET mutation', async () => {
    const query = await fetch(`${env.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await query.json()).toEqual({ data: { __typename: 'Query' } });
    const mutation = await fetch(`${env.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(mutation.status).toBe(405);
  });

  it('refuses a body that is not JSON with a JSON error, and one that is not declared JSON as Apollo does', async () => {
    const broken = await post('{"query": "{ __typename }"');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ errors: [{ message: '请求内容不是有效的 JSON', extensions: { code: 'BAD_REQUEST' } }] });
    const plain = await post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' });
    expect(plain.status).toBe(400); // Apollo's CSRF prevention: a simple request that could come from any page
  });

  it('refuses a body over 256 KB, declared or streamed, and keeps serving', async () => {
    const declared = await post(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(300 * 1024) } }));
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 40; i += 1) controller.enqueue(new TextEncoder().encode('x'.repeat(8 * 1024)));
        controller.close();
      },
    });
    const streamed = await fetch(`${env.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await post(JSON.stringify({ query: '{ __typename }' }))).status).toBe(200);
  });

  it('reads the client address as Express reads `trust proxy` (TRUST_PROXY)', () => {
    expect(trustProxyRule('loopback')('127.0.0.1', 0)).toBe(true);
    expect(trustProxyRule('loopback')('10.1.2.3', 0)).toBe(false);
    expect(trustProxyRule('10.0.0.0/8, loopback')('10.1.2.3', 0)).toBe(true);
    expect([0, 1, 2].map((hop) => trustProxyRule('1')('203.0.113.9', hop))).toEqual([true, false, false]);
    expect(trustProxyRule('true')('203.0.113.9', 5)).toBe(true);
    expect(() => trustProxyRule('not-an-address')).toThrow();
  });
});
