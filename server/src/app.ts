import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express from 'express';
import type { AppServices } from './app-services';
import { formatGraphQLError } from './graphql/format-error';
import { queryLimits } from './graphql/query-limits';
import { createRequestContext, RequestContext } from './context';
import { compiledExecutor, executorGateway, referenceExecutor } from './graphql/compiled-executor';
import { graphqlHttpHandler, trustProxyRule } from './graphql/http-handler';
import { answeringUnavailable, rethrowAsServiceUnavailable, RETRY_AFTER_SECONDS } from './graphql/service-unavailable';
import { buildAppSchema } from './schema';
import { serveExportDownload } from './export/export.route';
import { rateLimitPlugin } from './rate-limit/rate-limit.plugin';
import { metricsPlugin } from './metrics/metrics.plugin';
import { countRefusals } from './metrics/refusal-counting';
import { wechatPayNotifyRoute } from './payment/wechat-pay-notify.route';
import { localMediaFilesRoute, mediaUploadRoute } from './media/media.route';
import { LocalMediaStorage } from './media/local-media-storage';
import { wechatEventsRoutes } from './content-safety/wechat-events.route';

export async function createApp(services: AppServices, httpServer: Server) {
  const { config, log, metrics } = services;
  const schema = await buildAppSchema();
  if (metrics) countRefusals(schema, (context) => (context as RequestContext).services.metrics);
  const limits = queryLimits(schema, { production: config.production });
  const executeOperation = config.graphqlExecutor === 'reference' ? referenceExecutor(schema) : compiledExecutor(schema);
  const apollo = new ApolloServer<RequestContext>({
    gateway: executorGateway(schema, answeringUnavailable(executeOperation)),
    // Compact JSON (Apollo's default indents every answer)
    stringifyResult: (result) => JSON.stringify(result),
    introspection: !config.production,
    includeStacktraceInErrorResponses: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    stopOnTerminationSignals: false, // main.ts owns shutdown: drain HTTP, then close the database
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...limits.plugins,
      rateLimitPlugin(),
      ...(metrics ? [metricsPlugin(metrics)] : []),
      // Installed by default, it wraps every field resolver to compute cache hints; nothing here caches by them.
      ApolloServerPluginCacheControlDisabled(),
    ],
    formatError: (formatted, error) => {
      const answered = formatGraphQLError(formatted, error, config.production, log);
      metrics?.countError(answered.extensions?.code);
      return answered;
    },
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // No ETag on Express's dynamic answers (/healthz, exports: never revalidated); static files keep serve-static's own.
  app.set('etag', false);
  const trustProxy = trustProxyRule(config.trustProxy);
  app.set('trust proxy', trustProxy);

  app.get('/healthz', async (_req, res) => {
    try {
      await services.orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).set('retry-after', String(RETRY_AFTER_SECONDS)).json({ status: 'database unavailable' });
    }
  });

  // Spreadsheet exports: the signed, short-lived token in the path is the permission.
  app.get('/exports/:token', serveExportDownload(services));

  // WeChat Pay's notifications: the platform certificate's signature over the raw body is the permission.
  app.post('/wechatpay/notify', ...wechatPayNotifyRoute(services, services.wechatPay));

  // Image uploads; the local driver's files (the s3 driver's links point at the store itself).
  app.post('/media', mediaUploadRoute(services));
  if (services.mediaStorage instanceof LocalMediaStorage) app.get('/media/*key', localMediaFilesRoute(services.mediaStorage, () => services.clock.now()));
  // The mini-program's message push (content-security verdicts): the signature over WECHAT_PUSH_TOKEN is the permission.
  const wechatEvents = wechatEventsRoutes(services);
  app.get('/wechat/events', wechatEvents.get);
  app.post('/wechat/events', ...wechatEvents.post);

  if (existsSync(config.h5Dir)) {
    app.use(express.static(config.h5Dir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml }));
  } else {
    log.warn({ h5Dir: config.h5Dir }, 'no H5 build found; run `npm run build:h5` to serve the mini-program at /');
  }

  const graphql = graphqlHttpHandler(apollo, {
    maxBodyBytes: 256 * 1024,
    trustProxy,
    context: (req, clientAddress) => createRequestContext(services, req.headers.authorization, clientAddress).catch(rethrowAsServiceUnavailable),
    onError: (error) => log.error({ err: error }, 'graphql request failed'),
  });
  /** The server's one request listener: `/graphql` on its own handler, everything else on Express. */
  const handleRequest = (req: IncomingMessage, res: ServerResponse): void => (isGraphqlPath(req.url) ? graphql(req, res) : app(req, res));

  return { handleRequest, apollo };
}

function isGraphqlPath(url: string | undefined): boolean {
  return url !== undefined && url.startsWith('/graphql') && (url.length === 8 || url[8] === '?' || url[8] === '/');
}

function noCacheForHtml(res: express.Response, filePath: string): void {
  if (filePath.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
