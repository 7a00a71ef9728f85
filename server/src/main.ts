import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { startServer } from './server';

/** `node server/dist/src/main.js [--demo]`: --demo is `npm start` (dev login, demo data). */
async function main(): Promise<void> {
  const config = loadConfig(process.env, { demo: process.argv.includes('--demo') });
  const server = await startServer(config);
  console.log(`群友 is up: GraphQL ${server.url}/graphql · mini-program (H5) ${server.url}/`);
  if (config.demo) console.log(`Demo: open ${server.url}/#/pages/index/index?c=demo and log in as any nickname (owner: "owner")`);

  const shutdown = (signal: string) => {
    server.services.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
