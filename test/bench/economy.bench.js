// Benchmark (not a test): check-in, coupon redemption and the home query through the full server
// on MariaDB, each against a bare node:http + mysql2 baseline doing the same SQL, in the same run.
// Distinct members, 32 connections (BENCH_CONNECTIONS). Usage: npm run build:server && node test/bench/economy.bench.js
// Prints one JSON report: throughput ratios (server / baseline) and latencies (ms).
'use strict';
const path = require('node:path');
const mysql = require('mysql2/promise');
const { createDatabase, startProcess, startQunyou, gql, login, inBatches, fire, ratiosOf, benchmark, HOME_QUERY } = require('./lib');
const { startFloorBaseline, measureFloor } = require('./floor');

const MEMBERS = Number(process.env.BENCH_MEMBERS || 1000);
/** Members who check in and redeem before the measured runs, so neither side is measured cold (JIT, pools, buffer pool). */
const WARM_MEMBERS = Number(process.env.BENCH_WARM_MEMBERS || 200);
// The goals are stated at 32; BENCH_CONNECTIONS shows how latency grows with the load.
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const HOME_SECONDS = Number(process.env.BENCH_HOME_SECONDS || 5);

async function prepareCommunity(url, ownerToken, label) {
  const { createCommunity } = await gql(url, `mutation { createCommunity(input: { name: "压测${label}", category: PERKS, joinPolicy: OPEN }) { id joinCode } }`, {}, ownerToken);
  const { createCouponTemplate } = await gql(
    url,
    `mutation ($c: ID!) { createCouponTemplate(communityId: $c, input: { title: "¥1 券", faceValueFen: 100, minSpendFen: 0, validDays: 30, minTierLevel: 0 }) { id } }`,
    { c: createCommunity.id },
    ownerToken,
  );
  // The owner's caps on adjustment (10,000 a call, 50,000 a day by default) raised for the bench's grants.
  await gql(url, `mutation ($c: ID!) { setPointsAdjustPolicy(communityId: $c, perCallLimit: 100000, dailyLimit: 1000000000) { perCallLimit } }`, { c: createCommunity.id }, ownerToken);
  const everyone = await inBatches(Array.from({ length: WARM_MEMBERS + MEMBERS }, (_, i) => `${label}-${i}`), 16, async (name) => {
    const data = await gql(url, `mutation ($c: String!) { login(code: $c) { token user { id } } }`, { c: `dev:${name}` });
    const token = data.login.token;
    const joined = await gql(url, `mutation ($c: String!) { joinCommunity(joinCode: $c) { ... on JoinedCommunity { member { id } } } }`, { c: createCommunity.joinCode }, token);
    const memberId = joined.joinCommunity.member.id;
    await gql(url, `mutation ($c: ID!, $m: ID!) { adjustPoints(communityId: $c, memberId: $m, amount: 100000, reason: "压测") { __typename } }`, { c: createCommunity.id, m: memberId }, ownerToken);
    return { token, memberId: Number(memberId), userId: Number(data.login.user.id) };
  });
  return { communityId: Number(createCommunity.id), templateId: Number(createCouponTemplate.id), warm: everyone.slice(0, WARM_MEMBERS), members: everyone.slice(WARM_MEMBERS) };
}

async function main() {
  const db = await createDatabase('economy');
  const qunyou = await startQunyou(db.url);
  const baseline = await startProcess(path.join(__dirname, 'economy-baseline-server.js'), [], { DATABASE_URL: db.url });
  const floorBaseline = await startFloorBaseline(db.url);
  try {
    const ownerToken = await login(qunyou.url, 'bench-owner');
    const started = Date.now();
    const [viaServer, viaBaseline] = [await prepareCommunity(qunyou.url, ownerToken, 's'), await prepareCommunity(qunyou.url, ownerToken, 'b')];
    const prepareSeconds = (Date.now() - started) / 1000;

    const CHECK_IN = `mutation ($c: ID!) { checkIn(communityId: $c) { __typename } }`;
    const REDEEM = `mutation ($t: ID!, $r: String!) { redeemCoupon(templateId: $t, requestId: $r) { __typename } }`;
    const server = (query, variablesFor, members = viaServer.members) => (i) => {
      const member = members[i % members.length];
      return { headers: { authorization: `Bearer ${member.token}` }, body: { query, variables: variablesFor(member, i) } };
    };
    const plain = (variablesFor, members = viaBaseline.members) => (i) => ({ headers: {}, body: variablesFor(members[i % members.length], i) });
    const checkInBody = (m) => ({ memberId: m.memberId, userId: m.userId, communityId: viaBaseline.communityId });
    const redeemBody = (prefix) => (m, i) => ({ memberId: m.memberId, userId: m.userId, communityId: viaBaseline.communityId, templateId: viaBaseline.templateId, requestId: `${prefix}-${i}` });
    const homeBody = (m) => ({ memberId: m.memberId, userId: m.userId, communityId: viaBaseline.communityId });

    // Warm both up (JIT, pools, buffer pool) on every measured path, with members of their own.
    const warm = (target, bodyFor, amount) => fire({ url: target, amount, connections: CONNECTIONS, bodyFor });
    await warm(`${qunyou.url}/graphql`, server(HOME_QUERY, () => ({ c: viaServer.communityId }), viaServer.warm), WARM_MEMBERS * 4);
    await warm(`${qunyou.url}/graphql`, server(CHECK_IN, () => ({ c: viaServer.communityId }), viaServer.warm), WARM_MEMBERS);
    await warm(`${qunyou.url}/graphql`, server(REDEEM, (m, i) => ({ t: viaServer.templateId, r: `warm-s-${i}` }), viaServer.warm), WARM_MEMBERS * 2);
    await warm(`${baseline.url}/home`, plain(homeBody, viaBaseline.warm), WARM_MEMBERS * 4);
    await warm(`${baseline.url}/checkin`, plain(checkInBody, viaBaseline.warm), WARM_MEMBERS);
    await warm(`${baseline.url}/redeem`, plain(redeemBody('warm-b'), viaBaseline.warm), WARM_MEMBERS * 2);

    const report = { members: MEMBERS, warmMembers: WARM_MEMBERS, connections: CONNECTIONS, prepareSeconds, results: {} };
    const ratioRows = [];
    const compare = async (name, serverRun, baselineRun, validate) => {
      const s = await fire({ ...serverRun, process: qunyou });
      const b = await fire({ ...baselineRun, process: baseline });
      if (validate) validate(s);
      const ratios = ratiosOf(`${name} @${CONNECTIONS}`, s, b);
      ratioRows.push(...ratios.rows);
      report.results[name] = {
        server: { rps: s.throughput, p50: s.p50, p99: s.p99, cpuMsPerRequest: s.cpuMsPerRequest, requests: s.requests, non2xx: s.non2xx, errors: s.errors },
        baseline: { rps: b.throughput, p50: b.p50, p99: b.p99, cpuMsPerRequest: b.cpuMsPerRequest, requests: b.requests, non2xx: b.non2xx, errors: b.errors },
        throughputRatio: ratios.throughput,
        cpuRatio: ratios.cpu,
      };
    };

    await compare(
      'checkIn',
      { url: `${qunyou.url}/graphql`, amount: MEMBERS, connections: CONNECTIONS, check: true, bodyFor: server(CHECK_IN, () => ({ c: viaServer.communityId })) },
      { url: `${baseline.url}/checkin`, amount: MEMBERS, connections: CONNECTIONS, bodyFor: plain(checkInBody) },
      (s) => {
        const ok = s.responses.filter((body) => body.includes('CheckInSuccess')).length;
        if (ok !== MEMBERS) throw new Error(`expected ${MEMBERS} successful check-ins, got ${ok}`);
      },
    );
    await compare(
      'redeemCoupon',
      {
        url: `${qunyou.url}/graphql`, amount: MEMBERS * 2, connections: CONNECTIONS, check: true,
        bodyFor: server(REDEEM, (m, i) => ({ t: viaServer.templateId, r: `bench-s-${i}` })),
      },
      { url: `${baseline.url}/redeem`, amount: MEMBERS * 2, connections: CONNECTIONS, bodyFor: plain(redeemBody('bench-b')) },
      (s) => {
        const ok = s.responses.filter((body) => body.includes('CouponRedeemed')).length;
        if (ok !== MEMBERS * 2) throw new Error(`expected ${MEMBERS * 2} redemptions, got ${ok}`);
      },
    );
    await compare(
      'homeQuery',
      { url: `${qunyou.url}/graphql`, duration: HOME_SECONDS, connections: CONNECTIONS, bodyFor: server(HOME_QUERY, () => ({ c: viaServer.communityId })) },
      { url: `${baseline.url}/home`, duration: HOME_SECONDS, connections: CONNECTIONS, bodyFor: plain(homeBody) },
    );

    // The floor of this run: the cheapest query through the full server against a bare handler, same load.
    const floor = await measureFloor({ qunyou, baseline: floorBaseline, token: ownerToken, name: '__typename', connections: CONNECTIONS, seconds: HOME_SECONDS });
    report.results.floor = floor.result;
    ratioRows.push(...floor.rows);

    const conn = await mysql.createConnection(db.url);
    const [[check]] = await conn.query(
      `select count(*) as broken from member m where m.points <> (select coalesce(sum(amount), 0) from points_entry e where e.member_id = m.id) or m.points < 0`,
    );
    await conn.end();
    report.invariantViolations = Number(check.broken);
    report.ratios = ratioRows;
    console.log(JSON.stringify(report, null, 2));
    return report;
  } finally {
    await qunyou.stop();
    await baseline.stop();
    await floorBaseline.stop();
    await db.drop();
  }
}

benchmark(module, main);
