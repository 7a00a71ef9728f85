import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/core';
import { createApp } from './app';
import { createAppServices, AppServices } from './app-services';
import type { AppConfig } from './config';
import { Clock, systemClock } from './common/clock';
import { createLogger } from './common/logger';
import { startPeriodicJobs } from './common/periodic-jobs';
import { initORM, migrateDatabase } from './orm';
import { periodicJobs } from './periodic-jobs';
import { RateLimits } from './rate-limit/rate-limits';
import { Metrics } from './metrics/metrics';
import { startMetricsServer } from './metrics/metrics-server';
import { poolUse } from './db/pool-use';
import { seedDemo } from '../seeders/demo.seeder';

export interface RunningServer {
  url: string;
  port: number;
  /** `http://127.0.0.1:<METRICS_PORT>/metrics`, or null when metrics are off. */
  metricsUrl: string | null;
  orm: MikroORM;
  services: AppServices;
  close(): Promise<void>;
}

/** Database up to date, demo data when asked, then HTTP. Used by main.ts and by the tests. */
export async function startServer(config: AppConfig, options: { clock?: Clock } = {}): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const orm = await initORM(config.database);
  try {
    await migrateDatabase(orm, config.database);
    if (config.demo) await seedDemo(orm.em.fork(), log);
  } catch (error) {
    await orm.close(true);
    throw error;
  }

  const metrics = config.metricsPort === null ? null : new Metrics();
  const rateLimits = await RateLimits.create(config, orm, metrics ? (rule) => metrics.countRateLimitRefusal(rule) : undefined);
  const services = createAppServices(config, orm, options.clock ?? systemClock, log, rateLimits, metrics);
  await services.mediaStorage.prepare();
  if (metrics) {
    metrics.observePool(() => poolUse(orm));
    metrics.observeOutbox(() => services.notificationSender.backlog(), () => services.clock.now());
  }
  const stopJobs = startPeriodicJobs(services, periodicJobs(config));
  const httpServer = http.createServer();
  const { handleRequest, apollo } = await createApp(services, httpServer);
  httpServer.on('request', handleRequest);
  httpServer.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const metricsServer = metrics && config.metricsPort !== null ? await startMetricsServer(metrics, config.metricsPort, log) : null;
  log.info({ port, metricsPort: metricsServer?.port ?? null, database: config.database.kind, login: config.wechat.loginMode }, 'qunyou server listening');

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    metricsUrl: metricsServer ? `http://127.0.0.1:${metricsServer.port}/metrics` : null,
    orm,
    services,
    close: () =>
      (closing ??= (async () => {
        await apollo.stop(); // drains the HTTP server: in-flight requests finish first
        await metricsServer?.close();
        await stopJobs();
        await orm.close(true);
      })()),
  };
}
