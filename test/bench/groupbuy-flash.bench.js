// Benchmark (not a test): a flash group-buy. 500 distinct members join a stock-100 group-buy at
// once through the full server (compiled, MariaDB), then the same joins against a bare node:http
// + mysql2 baseline running the same statements, in the same run on the same database.
// Usage: npm run build:server && node test/bench/groupbuy-flash.bench.js
// Env: BENCH_MEMBERS (500), BENCH_STOCK (100), BENCH_CONNECTIONS (500: every join in flight at once),
// BENCH_FLASH_ROUNDS (3: flash sales in a row, server and baseline taking turns, each on group-buys
// of its own; one burst of a second or two swings by a third on this machine, the median much less).
// Prints one JSON report: oversell check, 5xx count, p50/p99 (ms), throughput ratio (server / baseline),
// each the median round's; and an ordinary group-buy's joins at 32 connections (stock for everyone).
'use strict';
const http = require('node:http');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const mysql = require('mysql2/promise');
const { createDatabase, startProcess, startQunyou, gql, login, inBatches, benchmark, cpuMsPerRequestSince } = require('./lib');
const { startFloorBaseline, measureFloor } = require('./floor');

const MEMBERS = Number(process.env.BENCH_MEMBERS || 500);
const STOCK = Number(process.env.BENCH_STOCK || 100);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || MEMBERS);
const ROUNDS = Number(process.env.BENCH_FLASH_ROUNDS || 3);
// Every member once, on group-buys of their own: JIT, pools, and each member's throttled last-active UPDATE.
const WARMUP = MEMBERS;
const JOIN = `mutation ($g: ID!, $q: Int!, $r: String!) { joinGroupBuy(groupBuyId: $g, quantity: $q, requestId: $r) {
  __typename ... on GroupBuyJoined { entry { seq } } ... on ErrorResult { errorCode } } }`;

async function createGroupBuy(url, ownerToken, communityId, title, stock) {
  const now = Date.now();
  const input = { title, priceFen: 990, stock, minParticipants: 1, startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3600_000).toISOString() };
  const { createGroupBuy: created } = await gql(url, `mutation ($c: ID!, $i: GroupBuyInput!) { createGroupBuy(communityId: $c, input: $i) { id } }`, { c: communityId, i: input }, ownerToken);
  return Number(created.id);
}

/** What the database holds for a group-buy: the invariants the flash must not break. */
async function ledger(conn, groupBuyId) {
  const [[row]] = await conn.query('select stock, sold_quantity as sold, participant_count as participants from group_buy where id = ?', [groupBuyId]);
  const [[sums]] = await conn.query(
    'select coalesce(sum(quantity), 0) as quantity, count(*) as entries, count(distinct seq) as seqs, min(seq) as minSeq, max(seq) as maxSeq from group_buy_entry where group_buy_id = ? and live_key = 1',
    [groupBuyId],
  );
  const quantity = Number(sums.quantity);
  return {
    stock: row.stock,
    sold: row.sold,
    sumOfQuantities: quantity,
    entries: Number(sums.entries),
    oversold: quantity > row.stock || row.sold > row.stock,
    consistent: quantity === row.sold && Number(sums.entries) === row.participants,
    seqsGapFree: Number(sums.seqs) === Number(sums.entries) && (Number(sums.entries) === 0 || (sums.minSeq === 1 && sums.maxSeq === Number(sums.entries))),
  };
}

function post(agent, url, { headers, body }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body: text, ms: performance.now() - started }));
    });
    request.on('error', (error) => resolve({ status: 0, body: String(error), ms: performance.now() - started }));
    request.end(JSON.stringify(body));
  });
}

/**
 * Sends `count` POSTs with at most `connections` in flight (keep-alive sockets), timing each one
 * and the whole burst. (autocannon reports a run's duration in whole sampling intervals, too
 * coarse for a burst that lasts a second or two.)
 */
async function burst({ url, count, connections, requestFor, process: target }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const cpuBefore = target.cpuSeconds();
  const started = performance.now();
  const results = await inBatches(Array.from({ length: count }, (_, i) => i), connections, (i) => post(agent, url, requestFor(i)));
  const seconds = (performance.now() - started) / 1000;
  const cpuMsPerRequest = cpuMsPerRequestSince(target, cpuBefore, count);
  agent.destroy();
  const latencies = results.map((result) => result.ms).sort((a, b) => a - b);
  const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * (latencies.length - 1)))] * 10) / 10;
  return {
    requests: count,
    seconds: Math.round(seconds * 1000) / 1000,
    rps: Math.round((count / seconds) * 10) / 10,
    cpuMsPerRequest,
    p50: at(0.5),
    p99: at(0.99),
    max: at(1),
    status5xx: results.filter((result) => result.status >= 500).length,
    failed: results.filter((result) => result.status === 0).length,
    responses: results.map((result) => result.body),
  };
}

function summarize(run, outcome) {
  const { responses, ...numbers } = run;
  return { ...numbers, ...outcome };
}

async function main() {
  const db = await createDatabase('groupbuy');
  const qunyou = await startQunyou(db.url);
  const baseline = await startProcess(path.join(__dirname, 'groupbuy-baseline-server.js'), [], { DATABASE_URL: db.url });
  const floorBaseline = await startFloorBaseline(db.url);
  const conn = await mysql.createConnection(db.url);
  try {
    const started = Date.now();
    const ownerToken = await login(qunyou.url, 'flash-owner');
    const { createCommunity: community } = await gql(qunyou.url, `mutation { createCommunity(input: { name: "压测团购", category: PERKS, joinPolicy: OPEN }) { id joinCode } }`, {}, ownerToken);
    const communityId = Number(community.id);
    const members = await inBatches(Array.from({ length: MEMBERS }, (_, i) => `flash-${i}`), 16, async (name) => {
      const token = await login(qunyou.url, name);
      const joined = await gql(qunyou.url, `mutation ($c: String!) { joinCommunity(joinCode: $c) { ... on JoinedCommunity { member { id } } } }`, { c: community.joinCode }, token);
      return { token, memberId: Number(joined.joinCommunity.member.id) };
    });
    const warmServer = await createGroupBuy(qunyou.url, ownerToken, communityId, '预热', MEMBERS);
    const warmBaseline = await createGroupBuy(qunyou.url, ownerToken, communityId, '预热基线', MEMBERS);
    const ordinary = { server: await createGroupBuy(qunyou.url, ownerToken, communityId, '日常', MEMBERS), baseline: await createGroupBuy(qunyou.url, ownerToken, communityId, '日常基线', MEMBERS) };
    const flashes = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      flashes.push({ server: await createGroupBuy(qunyou.url, ownerToken, communityId, `秒杀${round}`, STOCK), baseline: await createGroupBuy(qunyou.url, ownerToken, communityId, `秒杀基线${round}`, STOCK) });
    }
    const prepareSeconds = (Date.now() - started) / 1000;

    const viaServer = (groupBuyId, tag) => (i) => ({
      headers: { authorization: `Bearer ${members[i % MEMBERS].token}` },
      body: { query: JOIN, variables: { g: String(groupBuyId), q: 1, r: `${tag}-${i}-${groupBuyId}` } },
    });
    const viaBaseline = (groupBuyId, tag) => (i) => ({
      headers: {},
      body: { groupBuyId, communityId, memberId: members[i % MEMBERS].memberId, quantity: 1, requestId: `${tag}-${i}-${groupBuyId}` },
    });

    // Warm both up (JIT, connection pools) on group-buys of their own.
    await burst({ url: `${qunyou.url}/graphql`, count: WARMUP, connections: 32, process: qunyou, requestFor: viaServer(warmServer, 'warm') });
    await burst({ url: `${baseline.url}/join`, count: WARMUP, connections: 32, process: baseline, requestFor: viaBaseline(warmBaseline, 'warm') });

    // An ordinary group-buy at the economy paths' load: 32 connections, stock for everyone, every join wins.
    const ordinaryServer = await burst({ url: `${qunyou.url}/graphql`, count: MEMBERS, connections: 32, process: qunyou, requestFor: viaServer(ordinary.server, 'ordinary') });
    const ordinaryPlain = await burst({ url: `${baseline.url}/join`, count: MEMBERS, connections: 32, process: baseline, requestFor: viaBaseline(ordinary.baseline, 'ordinary') });

    const rounds = [];
    for (const flash of flashes) {
      const server = await burst({ url: `${qunyou.url}/graphql`, count: MEMBERS, connections: CONNECTIONS, process: qunyou, requestFor: viaServer(flash.server, 'flash') });
      const plain = await burst({ url: `${baseline.url}/join`, count: MEMBERS, connections: CONNECTIONS, process: baseline, requestFor: viaBaseline(flash.baseline, 'flash') });
      rounds.push({ server, plain, flash });
    }
    // The median round by the server's throughput stands for the run; every round's ledger is checked.
    const middle = rounds.indexOf([...rounds].sort((a, b) => a.server.rps - b.server.rps)[Math.floor(rounds.length / 2)]);
    const { server, plain } = rounds[middle];

    // The framework's floor on this machine at the flash's load: the cheapest query, full server against bare.
    const floor = await measureFloor({ qunyou, baseline: floorBaseline, token: members[0].token, name: '__typename', connections: CONNECTIONS, seconds: 3 });

    const count = (responses, needle) => responses.filter((body) => body.includes(needle)).length;
    const ledgers = await Promise.all(rounds.map(async (round) => ({ server: await ledger(conn, round.flash.server), baseline: await ledger(conn, round.flash.baseline) })));
    const report = {
      members: MEMBERS,
      rounds: rounds.map((round) => ({ serverRps: round.server.rps, serverP99: round.server.p99, serverCpuMs: round.server.cpuMsPerRequest, bareRps: round.plain.rps, bareP99: round.plain.p99, bareCpuMs: round.plain.cpuMsPerRequest })),
      stock: STOCK,
      connections: CONNECTIONS,
      prepareSeconds,
      server: summarize(server, { joined: count(server.responses, 'GroupBuyJoined'), soldOut: count(server.responses, 'SOLD_OUT'), ledger: ledgers[middle].server }),
      baseline: summarize(plain, { joined: count(plain.responses, '"seq"'), soldOut: count(plain.responses, 'soldOut'), ledger: ledgers[middle].baseline }),
    };
    report.ordinaryJoin = { connections: 32, server: summarize(ordinaryServer, { joined: count(ordinaryServer.responses, 'GroupBuyJoined') }), baseline: summarize(ordinaryPlain, {}) };
    report.ordinaryJoin.throughputRatio = Math.round((ordinaryServer.rps / ordinaryPlain.rps) * 100) / 100;
    report.floor = floor.result;
    report.throughputRatio = Math.round((server.rps / plain.rps) * 100) / 100;
    report.cpuRatio = Math.round((plain.cpuMsPerRequest / server.cpuMsPerRequest) * 100) / 100;
    report.latencyRatio = { p50: Math.round((server.p50 / plain.p50) * 100) / 100, p99: Math.round((server.p99 / plain.p99) * 100) / 100 };
    report.ratios = [
      { name: 'flash join throughput', ratio: report.throughputRatio, goal: '≥ 0.6', met: report.throughputRatio >= 0.6 },
      { name: 'flash join p99 (server / bare)', ratio: report.latencyRatio.p99, goal: '≤ 1.5', met: report.latencyRatio.p99 <= 1.5 },
      { name: 'flash join (CPU per request, bare ÷ server)', ratio: report.cpuRatio, goal: '≥ 0.6', met: report.cpuRatio >= 0.6 },
      { name: 'group-buy join @32 (every join wins)', ratio: report.ordinaryJoin.throughputRatio, goal: '≥ 0.8', met: report.ordinaryJoin.throughputRatio >= 0.8 },
      ...floor.rows,
    ];
    report.checks = {
      zeroOversell: ledgers.every((round) => !round.server.oversold && !round.baseline.oversold),
      exactlyStockSold: ledgers.every((round) => round.server.sold === STOCK) && rounds.every((round) => count(round.server.responses, 'GroupBuyJoined') === STOCK),
      everyOtherJoinSoldOut: rounds.every((round) => count(round.server.responses, 'SOLD_OUT') === MEMBERS - STOCK),
      no5xx: rounds.every((round) => round.server.status5xx === 0 && round.server.failed === 0),
      ordinaryEveryJoinWon: count(ordinaryServer.responses, 'GroupBuyJoined') === MEMBERS,
      ledgerConsistent: ledgers.every((round) => round.server.consistent && round.server.seqsGapFree),
    };
    console.log(JSON.stringify(report, null, 2));
    if (!Object.values(report.checks).every(Boolean)) process.exitCode = 1;
    return report;
  } finally {
    await conn.end();
    await qunyou.stop();
    await baseline.stop();
    await floorBaseline.stop();
    await db.drop();
  }
}

benchmark(module, main);
