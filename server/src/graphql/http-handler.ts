import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer, BaseContext, HeaderMap, HTTPGraphQLRequest } from '@apollo/server';
import proxyAddr from 'proxy-addr';

/**
 * `/graphql` straight on node:http, without Express: Apollo Server's own integration API
 * (`executeHTTPGraphQLRequest`, the one every framework integration calls) fed by a small body reader.
 * Express's router, its request/response prototypes and body-parser were a fixed cost of every request
 * (see test/bench/floor.bench.js); the rest of the site (static files, exports, /healthz) stays on Express.
 *
 * What the Express path did, this does the same way: JSON bodies only (`application/json`, anything else
 * reaches Apollo without a body and gets its 400), at most `maxBodyBytes` (413), the client address through
 * the same `trust proxy` rule (proxy-addr, what Express itself uses), GET for queries.
 */
export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * TRUST_PROXY as Express reads `trust proxy`: `true` (every proxy), a hop count (`1`: the nearest one), or a
 * comma-separated list of addresses, subnets and proxy-addr's names (`loopback`, `10.0.0.0/8`).
 */
export function trustProxyRule(value: string): TrustProxy {
  if (value === 'true') return () => true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return proxyAddr.compile(value.split(',').map((entry) => entry.trim()));
}

export interface GraphQLHttpOptions<TContext extends BaseContext> {
  maxBodyBytes: number;
  /** Which proxies' X-Forwarded-For names the client (trustProxyRule). */
  trustProxy: TrustProxy;
  context(req: IncomingMessage, clientAddress: string): Promise<TContext>;
  /** A failure outside GraphQL's own error handling (a bug): logged here, answered as INTERNAL_SERVER_ERROR. */
  onError(error: unknown): void;
}

export function graphqlHttpHandler<TContext extends BaseContext>(apollo: ApolloServer<TContext>, options: GraphQLHttpOptions<TContext>) {
  apollo.assertStarted('graphqlHttpHandler()');

  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: unknown;
    try {
      body = await readJsonBody(req, options.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyError) return sendError(res, error.status, error.code, error.message);
      throw error;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const request: HTTPGraphQLRequest = { method: (req.method ?? 'GET').toUpperCase(), headers, search: query < 0 ? '' : url.slice(query), body };
    const clientAddress = proxyAddr(req, options.trustProxy) ?? 'unknown';

    const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: () => options.context(req, clientAddress) });
    res.statusCode = response.status ?? 200;
    for (const [key, value] of response.headers) res.setHeader(key, value);
    if (response.body.kind === 'complete') {
      res.setHeader('content-length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    answer(req, res).catch((error: unknown) => {
      options.onError(error);
      if (res.headersSent) res.end();
      else sendError(res, 500, 'INTERNAL_SERVER_ERROR', '服务器开小差了，请稍后再试');
    });
  };
}

class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The parsed JSON body, or undefined when the request has none or is not JSON (Apollo answers that itself). */
async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const body = await readBody(req, maxBytes);
  if (body === TOO_LARGE) throw new BodyError(413, 'PAYLOAD_TOO_LARGE', '请求内容过大');
  const contentType = req.headers['content-type'] ?? '';
  if (body.length === 0 || !/^application\/(.+\+)?json\b/i.test(contentType)) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new BodyError(400, 'BAD_REQUEST', '请求内容不是有效的 JSON');
  }
}

const TOO_LARGE = Symbol('too large');

/**
 * The body, or TOO_LARGE as soon as it passes maxBytes (declared or streamed). The rest is then read and
 * dropped, as Express's body-parser does, so the answer reaches the client and the connection stays usable;
 * breaking out of the stream instead would destroy the socket under the answer.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
      req.resume();
      resolve(TOO_LARGE);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
        resolve(TOO_LARGE);
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => tooLarge || resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
