// Benchmark (not a test): how the hot paths grow from one server process to two on the same MariaDB, and how
// many statements each request sends the primary (docs/scaling.md is written from its report).
// For `{ me { id } }`, the home query and check-in: the throughput of one process at BENCH_CONNECTIONS (32),
// then of two processes at once with the same connections split between them, and MariaDB's statement
// counter (`Questions`, global: run it on an otherwise quiet database) per request and per second.
// Usage: npm run build:server && node test/bench/scaling.bench.js
'use strict';
const mysql = require('mysql2/promise');
const { createDatabase, startQunyou, gql, login, inBatches, fire, benchmark, HOME_QUERY } = require('./lib');

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const SECONDS = Number(process.env.BENCH_SCALING_SECONDS || 5);
/** Check-ins are once a day per member: each run takes members of its own. */
const CHECK_INS = Number(process.env.BENCH_SCALING_CHECK_INS || 600);
const CHECK_IN = `mutation ($c: ID!) { checkIn(communityId: $c) { __typename } }`;

async function statements(conn) {
  const [[row]] = await conn.query(`show global status like 'Questions'`);
  return Number(row.Value);
}

async function main() {
  const db = await createDatabase('scaling');
  const processes = [await startQunyou(db.url), await startQunyou(db.url)];
  const conn = await mysql.createConnection(db.url);
  try {
    const [first] = processes;
    const owner = await login(first.url, 'scaling-owner');
    const { createCommunity: community } = await gql(first.url, `mutation { createCommunity(input: { name: "扩展压测", category: PERKS, joinPolicy: OPEN }) { id joinCode } }`, {}, owner);
    // Warm-up members, then three groups of check-in members: one process, two processes (one group each).
    const members = await inBatches(Array.from({ length: CHECK_INS * 4 }, (_, i) => `scaling-${i}`), 16, async (name) => {
      const token = await login(first.url, name);
      await gql(first.url, `mutation ($c: String!) { joinCommunity(joinCode: $c) { __typename } }`, { c: community.joinCode }, token);
      return token;
    });
    const group = (n) => members.slice(n * CHECK_INS, (n + 1) * CHECK_INS);
    const request = (query, tokens) => (i) => ({ headers: { authorization: `Bearer ${tokens[i % tokens.length]}` }, body: { query, variables: { c: community.id } } });

    const paths = [
      { name: 'me', run: (target, tokens) => ({ url: `${target.url}/graphql`, duration: SECONDS, bodyFor: request('{ me { id } }', tokens) }) },
      { name: 'homeQuery', run: (target, tokens) => ({ url: `${target.url}/graphql`, duration: SECONDS, bodyFor: request(HOME_QUERY, tokens) }) },
      { name: 'checkIn', run: (target, tokens) => ({ url: `${target.url}/graphql`, amount: tokens.length, bodyFor: request(CHECK_IN, tokens) }), groups: true },
    ];
    // Warm every process on every path (JIT, pools) with the warm-up members.
    for (const target of processes) {
      for (const path of paths) await fire({ ...path.run(target, group(0)), duration: 2, amount: undefined, connections: CONNECTIONS });
    }

    const report = { connections: CONNECTIONS, results: {}, ratios: [] };
    for (const path of paths) {
      const before1 = await statements(conn);
      const one = await fire({ ...path.run(processes[0], group(1)), connections: CONNECTIONS });
      const statements1 = (await statements(conn)) - before1;

      const before2 = await statements(conn);
      const runs = await Promise.all(
        processes.map((target, n) => fire({ ...path.run(target, path.groups ? group(2 + n) : group(1)), connections: Math.ceil(CONNECTIONS / processes.length) })),
      );
      const statements2 = (await statements(conn)) - before2;
      const twoRps = runs.reduce((sum, run) => sum + run.throughput, 0);
      const twoRequests = runs.reduce((sum, run) => sum + run.requests, 0);
      const twoSeconds = Math.max(...runs.map((run) => run.seconds));
      const growth = Math.round((twoRps / one.throughput) * 100) / 100;
      report.results[path.name] = {
        oneProcess: { rps: one.throughput, p50: one.p50, p99: one.p99, statementsPerRequest: round1(statements1 / one.requests), statementsPerSecond: Math.round(statements1 / one.seconds) },
        twoProcesses: { rps: Math.round(twoRps), p99: Math.max(...runs.map((run) => run.p99)), statementsPerRequest: round1(statements2 / twoRequests), statementsPerSecond: Math.round(statements2 / twoSeconds) },
        growth,
      };
      report.ratios.push({ name: `${path.name}: 2 processes ÷ 1`, ratio: growth, goal: 'measured (2 cores shared with MariaDB and the load)', met: true });
    }
    console.log(JSON.stringify(report, null, 2));
    return report;
  } finally {
    await conn.end();
    for (const target of processes) await target.stop();
    await db.drop();
  }
}

const round1 = (value) => Math.round(value * 10) / 10;

benchmark(module, main);
