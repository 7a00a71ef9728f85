// Benchmark (not a test): the fixed cost of every GraphQL request. `{ __typename }` and `{ me { id } }` with a
// session token through the full server (Apollo, type-graphql, limits, the session user read) against a bare
// node:http handler that verifies the same token and reads the same user row (floor-baseline-server.js), at
// 32 and at 500 connections (BENCH_FLOOR_CONNECTIONS). Usage: npm run build:server && node test/bench/floor.bench.js
'use strict';
const { createDatabase, startQunyou, login, benchmark } = require('./lib');
const { FLOOR_QUERIES, startFloorBaseline, measureFloor } = require('./floor');

const SECONDS = Number(process.env.BENCH_FLOOR_SECONDS || 5);
const CONNECTION_LEVELS = (process.env.BENCH_FLOOR_CONNECTIONS || '32,500').split(',').map(Number);

async function main() {
  const db = await createDatabase('floor');
  const qunyou = await startQunyou(db.url);
  const baseline = await startFloorBaseline(db.url);
  try {
    const token = await login(qunyou.url, 'floor-user');
    const report = { seconds: SECONDS, results: {}, ratios: [] };
    for (const connections of CONNECTION_LEVELS) {
      for (const name of Object.keys(FLOOR_QUERIES)) {
        const { result, rows } = await measureFloor({ qunyou, baseline, token, name, connections, seconds: SECONDS });
        report.results[`${name}@${connections}`] = result;
        report.ratios.push(...rows);
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
