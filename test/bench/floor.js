// The fixed cost of a GraphQL request, measured against the bare handler of floor-baseline-server.js: used by
// floor.bench.js (both queries, 32 and 500 connections) and by the economy and flash benchmarks (`__typename`
// at their own load, so each of their reports carries the floor of the same run).
'use strict';
const path = require('node:path');
const { startProcess, fire, ratiosOf, BENCH_SESSION_SECRET } = require('./lib');

const FLOOR_QUERIES = {
  __typename: { query: '{ __typename }', bare: '/typename' },
  me: { query: '{ me { id } }', bare: '/me' },
};

function startFloorBaseline(databaseUrl) {
  return startProcess(path.join(__dirname, 'floor-baseline-server.js'), [], { DATABASE_URL: databaseUrl, SESSION_SECRET: BENCH_SESSION_SECRET });
}

/** Warms both sides, then `seconds` of `name` (a key of FLOOR_QUERIES) through each; the report entry and its ratio rows. */
async function measureFloor({ qunyou, baseline, token, name, connections, seconds, goal = 0.8 }) {
  const { query, bare } = FLOOR_QUERIES[name];
  const headers = { authorization: `Bearer ${token}` };
  const runs = (target, url) => ({ url, connections, process: target, bodyFor: () => ({ headers, body: { query } }) });
  await fire({ ...runs(qunyou, `${qunyou.url}/graphql`), duration: 2 });
  await fire({ ...runs(baseline, `${baseline.url}${bare}`), duration: 2 });
  const s = await fire({ ...runs(qunyou, `${qunyou.url}/graphql`), duration: seconds });
  const b = await fire({ ...runs(baseline, `${baseline.url}${bare}`), duration: seconds });
  const ratios = ratiosOf(`floor ${name}@${connections}`, s, b, goal);
  return {
    result: {
      server: { rps: s.throughput, p50: s.p50, p99: s.p99, cpuMsPerRequest: s.cpuMsPerRequest, non2xx: s.non2xx, errors: s.errors },
      baseline: { rps: b.throughput, p50: b.p50, p99: b.p99, cpuMsPerRequest: b.cpuMsPerRequest, non2xx: b.non2xx, errors: b.errors },
      throughputRatio: ratios.throughput,
      cpuRatio: ratios.cpu,
    },
    rows: ratios.rows,
  };
}

module.exports = { FLOOR_QUERIES, startFloorBaseline, measureFloor };
