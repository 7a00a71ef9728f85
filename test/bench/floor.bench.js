// Benchmark (not a test): the fixed cost of every GraphQL request. `{ __typename }` and `{ me { id } }` with a
// session token through the full server (Apollo, type-graphql, limits, the session user read) against a bare
// node:http handler that verifies the same token and reads the same user row (floor-baseline-server.js), at
// 32 and at 500 connections (BENCH_FLOOR_CONNECTIONS). Usage: npm run build:server && node test/bench/floor.bench.js
'use strict';
const path = require('node:path');
const { createDatabase, startProcess, startQunyou, login, fire, ratiosOf, BENCH_SESSION_SECRET, benchmark } = require('./lib');

const SECONDS = Number(process.env.BENCH_FLOOR_SECONDS || 5);
const CONNECTION_LEVELS = (process.env.BENCH_FLOOR_CONNECTIONS || '32,500').split(',').map(Number);
const GOAL = 0.8;

async function main() {
  const db = await createDatabase('floor');
  const qunyou = await startQunyou(db.url);
  const baseline = await startProcess(path.join(__dirname, 'floor-baseline-server.js'), [], { DATABASE_URL: db.url, SESSION_SECRET: BENCH_SESSION_SECRET });
  try {
    const token = await login(qunyou.url, 'floor-user');
    const headers = { authorization: `Bearer ${token}` };
    const paths = [
      { name: '__typename', query: '{ __typename }', bare: '/typename' },
      { name: 'me', query: '{ me { id } }', bare: '/me' },
    ];
    const report = { seconds: SECONDS, results: {}, ratios: [] };
    for (const connections of CONNECTION_LEVELS) {
      for (const { name, query, bare } of paths) {
        const warm = { duration: 2, connections };
        await fire({ ...warm, url: `${qunyou.url}/graphql`, bodyFor: () => ({ headers, body: { query } }) });
        await fire({ ...warm, url: `${baseline.url}${bare}`, bodyFor: () => ({ headers, body: { query } }) });
        const s = await fire({ url: `${qunyou.url}/graphql`, duration: SECONDS, connections, process: qunyou, bodyFor: () => ({ headers, body: { query } }) });
        const b = await fire({ url: `${baseline.url}${bare}`, duration: SECONDS, connections, process: baseline, bodyFor: () => ({ headers, body: { query } }) });
        const key = `${name}@${connections}`;
        const ratios = ratiosOf(`floor ${key}`, s, b, GOAL);
        report.results[key] = {
          server: { rps: s.throughput, p50: s.p50, p99: s.p99, cpuMsPerRequest: s.cpuMsPerRequest, non2xx: s.non2xx, errors: s.errors },
          baseline: { rps: b.throughput, p50: b.p50, p99: b.p99, cpuMsPerRequest: b.cpuMsPerRequest, non2xx: b.non2xx, errors: b.errors },
          throughputRatio: ratios.throughput,
          cpuRatio: ratios.cpu,
        };
        report.ratios.push(...ratios.rows);
      }
    }
    console.log(JSON.stringify(report, null, 2));
    return report;
  } finally {
    await qunyou.stop();
    await baseline.stop();
    await db.drop();
  }
}

benchmark(module, main);
