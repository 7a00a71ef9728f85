// Benchmark (not a test): what the Prometheus metrics cost (issue 27: metrics on within 0.95× of off).
// Two server processes on one MariaDB database, one with METRICS_PORT (every request counted and timed,
// nobody scraping) and one without, take the same load in turns, ABAB, so the machine's drift falls on
// both; the report gives the median of each side's rounds. Measured: the home query (the most frequent
// request) and check-ins (a write: members check in once a day, so each check-in is a new member).
// Usage: npm run build:server && node test/bench/metrics.bench.js
'use strict';
const { createDatabase, startQunyou, gql, login, inBatches, fire, benchmark, median, HOME_QUERY } = require('./lib');

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const SECONDS = Number(process.env.BENCH_METRICS_SECONDS || 4);
const ROUNDS = Number(process.env.BENCH_METRICS_ROUNDS || 3);
const CHECK_INS_PER_ROUND = Number(process.env.BENCH_METRICS_CHECK_INS || 300);
const CHECK_IN = `mutation ($c: ID!) { checkIn(communityId: $c) { __typename } }`;

async function members(url, ownerToken, joinCode, prefix, count) {
  return inBatches(Array.from({ length: count }, (_, i) => `${prefix}-${i}`), 16, async (name) => {
    const token = await login(url, name);
    await gql(url, `mutation ($c: String!) { joinCommunity(joinCode: $c) { __typename } }`, { c: joinCode }, token);
    return token;
  });
}

async function main() {
  const db = await createDatabase('metrics');
  const off = await startQunyou(db.url, { metrics: false });
  const on = await startQunyou(db.url, { metrics: true });
  try {
    const ownerToken = await login(off.url, 'metrics-owner');
    const { createCommunity } = await gql(off.url, `mutation { createCommunity(input: { name: "指标压测", category: PERKS, joinPolicy: OPEN }) { id joinCode } }`, {}, ownerToken);
    const communityId = createCommunity.id;
    const readers = await members(off.url, ownerToken, createCommunity.joinCode, 'reader', 100);
    // Each round checks in members who have not yet: ROUNDS × 2 sides, plus a warm-up round each. The
    // set-up goes through both processes alike, so neither comes to the measure with more garbage.
    const crowds = [];
    for (let i = 0; i < (ROUNDS + 1) * 2; i += 1) crowds.push(await members((i % 2 ? on : off).url, ownerToken, createCommunity.joinCode, `tapper${i}`, CHECK_INS_PER_ROUND));

    const home = (server) => fire({
      url: `${server.url}/graphql`, connections: CONNECTIONS, duration: SECONDS, process: server,
      bodyFor: (i) => ({ headers: { authorization: `Bearer ${readers[i % readers.length]}` }, body: { query: HOME_QUERY, variables: { c: communityId } } }),
    });
    const checkIns = (server, crowd) => fire({
      url: `${server.url}/graphql`, connections: CONNECTIONS, amount: crowd.length, process: server,
      bodyFor: (i) => ({ headers: { authorization: `Bearer ${crowd[i]}` }, body: { query: CHECK_IN, variables: { c: communityId } } }),
    });

    // Warm-up: both processes compile and fill their pools before anything is measured.
    for (const server of [off, on]) {
      await home(server);
      await checkIns(server, crowds.pop());
    }
    const rounds = { home: { off: [], on: [] }, checkIn: { off: [], on: [] } };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [side, server] of round % 2 ? [['on', on], ['off', off]] : [['off', off], ['on', on]]) {
        rounds.home[side].push(await home(server));
        rounds.checkIn[side].push(await checkIns(server, crowds.pop()));
      }
    }
    const report = { connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, results: {}, ratios: [] };
    for (const [name, sides] of Object.entries(rounds)) {
      const summary = (runs) => ({
        throughput: median(runs.map((run) => run.throughput)),
        cpuMsPerRequest: median(runs.map((run) => run.cpuMsPerRequest)),
        p99: median(runs.map((run) => run.p99)),
        non2xx: runs.reduce((sum, run) => sum + run.non2xx + run.errors, 0),
      });
      const [metricsOff, metricsOn] = [summary(sides.off), summary(sides.on)];
      report.results[name] = { metricsOff, metricsOn };
      const throughput = Math.round((metricsOn.throughput / metricsOff.throughput) * 100) / 100;
      const cpu = Math.round((metricsOff.cpuMsPerRequest / metricsOn.cpuMsPerRequest) * 100) / 100;
      report.ratios.push(
        { name: `${name} @${CONNECTIONS}, metrics on ÷ off`, ratio: throughput, goal: '≥ 0.95', met: throughput >= 0.95 },
        { name: `${name} @${CONNECTIONS}, metrics on ÷ off (CPU per request, off ÷ on)`, ratio: cpu, goal: '≥ 0.95', met: cpu >= 0.95 },
      );
    }
    console.log(JSON.stringify(report, null, 2));
    return report;
  } finally {
    await off.stop();
    await on.stop();
    await db.drop();
  }
}

benchmark(module, main);
