// Shared pieces of the benchmarks: a MariaDB database of their own, the compiled server as a
// process, GraphQL calls, and autocannon runs summarised the same way for server and baseline.
'use strict';
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const net = require('node:net');
const path = require('node:path');
const fs = require('node:fs');
const autocannon = require('autocannon');
const mysql = require('mysql2/promise');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const MYSQL_ROOT_URL = process.env.BENCH_MYSQL_URL || 'mysql://root@127.0.0.1:3306';

async function createDatabase(label) {
  const name = `qyb_${label}_${randomBytes(3).toString('hex')}`;
  const admin = await mysql.createConnection(MYSQL_ROOT_URL);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  await admin.end();
  return {
    url: `${MYSQL_ROOT_URL}/${name}`,
    async drop() {
      const conn = await mysql.createConnection(MYSQL_ROOT_URL);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts a node script with env; resolves once GET <url>/healthz answers 200. */
async function startProcess(script, args, env, nodeOptions = cpuProfileOptions()) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeOptions, script, ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, ...env, PORT: String(port) },
    stdio: ['ignore', process.stderr, process.stderr], // stdout carries the report only
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`${script} did not come up`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    pid: child.pid,
    /** CPU seconds (user + system) the process has used so far: per-request CPU holds steady on a shared machine where throughput does not. */
    cpuSeconds: () => processCpuSeconds(child.pid),
    stop: () => new Promise((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', resolve), child.kill('SIGTERM')))),
  };
}

/** From /proc/<pid>/stat: utime and stime, in clock ticks (100 a second on Linux). */
function processCpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The home page's query as the benchmarks send it (economy-baseline-server.js answers the same fields). */
const HOME_QUERY = `query Home($c: ID!) {
  membership(communityId: $c) { id role status points lifetimePoints streak checkedInToday nickname avatarUrl
    tier { level name threshold multiplier } nextTier { level name threshold multiplier } pointsToNextTier
    community { id name category description joinPolicy joinCode sharePath memberCount boundGroupCount } }
  checkInRule(communityId: $c) { basePoints cycleDays bonuses { day points } } }`;

/** The process's CPU milliseconds per request since `cpuBefore` (its cpuSeconds() then), to the microsecond. */
function cpuMsPerRequestSince(target, cpuBefore, requests) {
  return Math.round(((target.cpuSeconds() - cpuBefore) * 1e6) / requests) / 1e3;
}

const BENCH_SESSION_SECRET = 'bench-session-secret-0123456789abcdef';

/** BENCH_CPU_PROF=<folder>: every server process a benchmark starts (Qunyou's and the bare baselines) writes its CPU profile there when it stops. */
function cpuProfileOptions() {
  return process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
}

/**
 * The real server (compiled), dev login, on the given database. BENCH_CPU_PROF=<folder> writes its CPU
 * profile there when it stops (summarize with `node test/bench/profile-top.js <file>`).
 * Metrics are off unless BENCH_METRICS=on. Rate limits are off (the benchmarks measure the paths); BENCH_RATE_LIMITS=on measures what production pays
 * for them — the shared MySQL store's transaction on every mutation — with budgets no benchmark reaches
 * (its members all log in from one address).
 */
function startQunyou(databaseUrl, options = { metrics: process.env.BENCH_METRICS === 'on' }, env = {}) {
  const rateLimits = process.env.BENCH_RATE_LIMITS === 'on' ? { RATE_LIMITS: 'on', RATE_LIMIT_LOGIN: '1000000/60', RATE_LIMIT_MUTATIONS: '1000000/60' } : { RATE_LIMITS: 'off' };
  // Metrics on (BENCH_METRICS=on, or metrics.bench.js's second server): what they cost, counted and timed per request, nobody scraping (docs/operations.md)
  const metrics = options.metrics ? { METRICS_PORT: '0' } : {};
  return startProcess(path.join(REPO_ROOT, 'server/dist/src/main.js'), [], {
    DATABASE_URL: databaseUrl,
    WECHAT_LOGIN: 'dev',
    SESSION_SECRET: BENCH_SESSION_SECRET,
    LOG_LEVEL: 'warn',
    ...rateLimits,
    ...metrics,
    ...env,
  });
}

async function gql(url, query, variables = {}, token) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function login(url, name) {
  const data = await gql(url, `mutation ($c: String!) { login(code: $c) { token user { id } } }`, { c: `dev:${name}` });
  return data.login.token;
}

/** The middle value (the upper of the two middles for an even count). */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs `work` over items with at most `limit` in flight. */
async function inBatches(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i], i);
      }
    }),
  );
  return results;
}

/**
 * Fires `amount` POST requests (or for `duration` seconds) at `url` with `connections` in parallel;
 * `bodyFor(i)` gives the i-th request's { headers, body }. Returns throughput and latencies.
 */
async function fire({ url, connections = 32, amount, duration, bodyFor, check, process: target }) {
  const cpuBefore = target?.cpuSeconds();
  let i = 0;
  const responses = [];
  const started = process.hrtime.bigint();
  let lastResponseAt = started;
  const result = await autocannon({
    url,
    connections,
    ...(amount ? { amount } : { duration }),
    method: 'POST',
    requests: [
      {
        setupRequest: (request) => {
          const { headers, body } = bodyFor(i++);
          return { ...request, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
        },
        onResponse: (status, body) => {
          lastResponseAt = process.hrtime.bigint();
          if (check) responses.push(body);
        },
      },
    ],
  });
  // Timed here, from the start to the last response: autocannon notices that an `amount` run
  // has finished only at its next one-second tick, so its own duration (and the wall clock
  // around it) comes out in whole seconds, which halved short runs' throughput.
  const seconds = Number(lastResponseAt - started) / 1e9;
  const cpuMsPerRequest = target ? cpuMsPerRequestSince(target, cpuBefore, result.requests.total) : undefined;
  return {
    cpuMsPerRequest,
    requests: result.requests.total,
    seconds: Math.round(seconds * 100) / 100,
    throughput: Math.round((result.requests.total / seconds) * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    responses,
  };
}

const round2 = (value) => Math.round(value * 100) / 100;

/**
 * The two ratios of a server run against its baseline run (each measured with `process:` given to fire):
 * throughput (the goal's measure) and CPU per request, bare ÷ server (what throughput would be if the
 * machine were not shared: the load generator, MariaDB and other work take cores from both sides unevenly).
 */
function ratiosOf(name, server, bare, goal = 0.8) {
  const throughput = round2(server.throughput / bare.throughput);
  const cpu = round2(bare.cpuMsPerRequest / server.cpuMsPerRequest);
  return {
    throughput,
    cpu,
    rows: [
      { name, ratio: throughput, goal: `≥ ${goal}`, met: throughput >= goal },
      { name: `${name} (CPU per request, bare ÷ server)`, ratio: cpu, goal: `≥ ${goal}`, met: cpu >= goal },
    ],
  };
}

/** A benchmark file exports its main (for run.js) and runs it when started on its own. */
function benchmark(module, main) {
  module.exports = main;
  if (require.main === module) {
    main().catch((error) => {
      console.error(error);
      process.exit(1);
    });
  }
}

module.exports = { REPO_ROOT, freePort, HOME_QUERY, benchmark, median, ratiosOf, cpuMsPerRequestSince, BENCH_SESSION_SECRET, createDatabase, startProcess, startQunyou, gql, login, inBatches, fire };
