// Benchmark (not a test): the shared rate-limit store every member mutation passes in production, the
// server's one-statement consume (server/src/rate-limit/one-statement-mysql-limiter.ts) against the
// library's own RateLimiterMySQL (a four-statement transaction) on the same knex pool, taking turns,
// 32 consumes in flight over 500 keys. Statements per consume from MariaDB's `Questions` counter.
// Usage: npm run build:server && node test/bench/rate-limit.bench.js
'use strict';
const path = require('node:path');
const knexFactory = require('knex');
const { RateLimiterMySQL } = require('rate-limiter-flexible');
const { createDatabase, benchmark, median, REPO_ROOT } = require('./lib');

const CONSUMES = Number(process.env.BENCH_CONSUMES || 2000);
const ROUNDS = 3;
const IN_FLIGHT = 32;

function limiterOf(Limiter, knex, database, keyPrefix) {
  return new Promise((resolve, reject) => {
    const limiter = new Limiter({ storeClient: knex, storeType: 'knex', dbName: database, tableName: 'rate_limit', keyPrefix, points: 1e9, duration: 60 }, (error) =>
      error ? reject(error) : resolve(limiter),
    );
  });
}

async function measure(knex, limiter) {
  const questions = async () => Number((await knex.raw("show global status like 'Questions'"))[0][0].Value);
  const before = await questions();
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < CONSUMES) await limiter.consume(`user-${next++ % 500}`);
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  // The two `show global status` reads count themselves once.
  const statements = (await questions()) - before - 1;
  return { consumesPerSecond: Math.round(CONSUMES / seconds), cpuMsPerConsume: (cpu.user + cpu.system) / 1000 / CONSUMES, statementsPerConsume: statements / CONSUMES };
}

async function main() {
  const { OneStatementMySqlLimiter } = require(path.join(REPO_ROOT, 'server/dist/src/rate-limit/one-statement-mysql-limiter'));
  const db = await createDatabase('ratelimit');
  const database = new URL(db.url).pathname.slice(1);
  const knex = knexFactory({ client: 'mysql2', connection: db.url, pool: { min: 0, max: 24 } });
  try {
    const library = await limiterOf(RateLimiterMySQL, knex, database, 'library');
    const server = await limiterOf(OneStatementMySqlLimiter, knex, database, 'server');
    const runs = { library: [], server: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      runs.library.push(await measure(knex, library));
      runs.server.push(await measure(knex, server));
    }
    const summary = (list) => ({
      consumesPerSecond: median(list.map((run) => run.consumesPerSecond)),
      cpuMsPerConsume: Number(median(list.map((run) => run.cpuMsPerConsume)).toFixed(3)),
      statementsPerConsume: Number(median(list.map((run) => run.statementsPerConsume)).toFixed(2)),
    });
    const report = { consumes: CONSUMES, rounds: ROUNDS, server: summary(runs.server), library: summary(runs.library) };
    report.ratios = [
      { name: 'rate-limit consume throughput (server ÷ library store)', ratio: Number((report.server.consumesPerSecond / report.library.consumesPerSecond).toFixed(2)), goal: '≥ 1', met: report.server.consumesPerSecond >= report.library.consumesPerSecond },
      { name: 'rate-limit statements per consume (server)', ratio: report.server.statementsPerConsume, goal: '1 (library: 4)', met: report.server.statementsPerConsume <= 1.01 },
    ];
    console.log(JSON.stringify(report, null, 2));
    return report;
  } finally {
    await knex.destroy();
    await db.drop();
  }
}

benchmark(module, main);
