// Benchmark (not a test): the 90-day communityStats of a community of 5,000 members with 1× and
// 10× history (90 and 900 days), and of 50,000 members with 90 days (BENCH_STATS_SIZES, default
// 90x5000,900x5000,90x50000: days of history × members). The rows are seeded raw and the rollups
// then rebuilt from them (the migration's backfill). 1× is the range itself: a shorter history would
// leave part of the range empty, so "10×" would also mean more activity inside the range, which any
// correct answer must read; 90 against 900 days holds the in-range activity equal and measures what the
// history outside the range costs. Through the full server, against the
// raw SQL of the same aggregates (the very statements the server sent, replayed on a mysql2 pool
// the same way: in parallel) in the same run. Also the cost of the daily activity write on
// check-in: a member's first request of the day (UPDATE last_active_at + INSERT activity day)
// against a later one that only moves last_active_at (what check-in did before).
// Usage: npm run build:server && node test/bench/stats.bench.js   Prints one JSON report.
'use strict';
const path = require('node:path');
const mysql = require('mysql2/promise');
const { REPO_ROOT, createDatabase, startQunyou, gql, login, inBatches, fire, benchmark, median } = require('./lib');

const SIZES = (process.env.BENCH_STATS_SIZES || '90x5000,900x5000,90x50000').split(',').map((size) => {
  const [historyDays, members] = size.split('x').map(Number);
  return { historyDays, members };
});
const RANGE_DAYS = 90;
const RUNS = Number(process.env.BENCH_STATS_RUNS || 20);
const CHECKIN_MEMBERS = Number(process.env.BENCH_CHECKIN_MEMBERS || 1000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const TZ_OFFSET_MS = 8 * 3600 * 1000; // Asia/Shanghai
const DAY_MS = 24 * 3600 * 1000;

const STATS = `query ($c: ID!, $from: String!, $to: String!) { communityStats(communityId: $c, from: $from, to: $to) {
  totalMembers newMembers activeMembers checkIns checkInRate retention7 pointsIssued pointsSpent couponsIssued couponsUsed redemptionRate
  groupBuyParticipants groupBuyAmountFen signups pendingApplications days { date checkIns activeMembers newMembers pointsIssued pointsSpent couponsIssued couponsUsed } } }`;

const localDay = (ms) => new Date(ms + TZ_OFFSET_MS).toISOString().slice(0, 10);
const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A seeded generator: both sizes draw the same kind of history. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function insertRows(conn, table, columns, rows) {
  for (let i = 0; i < rows.length; i += 5000) {
    await conn.query(`insert into ${table} (${columns.join(', ')}) values ?`, [rows.slice(i, i + 5000)]);
  }
}

/** `members` joined over the history, each with a habit: activity, check-ins, redemptions and write-offs. */
async function seedCommunity(conn, url, ownerToken, label, historyDays, members) {
  const { createCommunity } = await gql(url, `mutation { createCommunity(input: { name: "统计压测${label}", category: PERKS, joinPolicy: OPEN }) { id } }`, {}, ownerToken);
  const communityId = Number(createCommunity.id);
  const { createCouponTemplate } = await gql(
    url,
    `mutation ($c: ID!) { createCouponTemplate(communityId: $c, input: { title: "¥1 券", faceValueFen: 100, minSpendFen: 0, validDays: 30, minTierLevel: 0 }) { id } }`,
    { c: communityId },
    ownerToken,
  );
  const templateId = Number(createCouponTemplate.id);
  const now = Date.now();
  const next = random(historyDays * 7919 + members);
  const users = Array.from({ length: members }, (_, i) => [`bench-stats-${label}-${i}`, `成员${i}`, new Date(now), new Date(now)]);
  await insertRows(conn, 'app_user', ['openid', 'nickname', 'created_at', 'updated_at'], users);
  const [userRows] = await conn.query('select id from app_user where openid like ? order by id', [`bench-stats-${label}-%`]);
  const joins = userRows.map(() => now - Math.floor(next() * historyDays * DAY_MS));
  await insertRows(
    conn,
    'member',
    ['community_id', 'user_id', 'role', 'status', 'points', 'lifetime_points', 'streak', 'tier_level', 'joined_at', 'last_active_at', 'created_at'],
    userRows.map((user, i) => [communityId, user.id, 'MEMBER', 'ACTIVE', 0, 0, 0, 0, new Date(joins[i]), new Date(now - Math.floor(next() * 40) * DAY_MS), new Date(joins[i])]),
  );
  const [memberRows] = await conn.query('select id, joined_at from member where community_id = ? and role = ? order by id', [communityId, 'MEMBER']);
  const activity = [];
  const checkins = [];
  const points = [];
  const coupons = [];
  for (const member of memberRows) {
    const habit = next(); // how often this member comes
    let streak = 0;
    for (let at = new Date(member.joined_at).getTime(); at < now; at += DAY_MS) {
      if (next() > habit) {
        streak = 0;
        continue;
      }
      const day = localDay(at);
      activity.push([member.id, day, communityId]);
      if (next() < 0.8) {
        streak += 1;
        checkins.push([communityId, member.id, day, streak, 10, 0, new Date(at)]);
        points.push([communityId, member.id, 10, 0, 'CHECK_IN', `checkin:${day}`, new Date(at)]);
      }
      if (next() < 0.02) {
        const used = next() < 0.6 ? new Date(Math.min(at + DAY_MS, now - 1000)) : null;
        coupons.push([communityId, templateId, member.id, `B${label}${coupons.length}X${member.id}`, used ? 'USED' : 'UNUSED', `bench-${coupons.length}`, '¥1 券', 100, 0, 100, new Date(at), new Date(at + 30 * DAY_MS), used, new Date(at)]);
        points.push([communityId, member.id, -100, 0, 'COUPON_REDEEM', `redeem:bench-${coupons.length}`, new Date(at)]);
      }
    }
  }
  await insertRows(conn, 'member_activity_day', ['member_id', 'day', 'community_id'], activity);
  await insertRows(conn, 'checkin', ['community_id', 'member_id', 'day', 'streak', 'points_awarded', 'bonus_points', 'created_at'], checkins);
  await insertRows(conn, 'points_entry', ['community_id', 'member_id', 'amount', 'balance_after', 'type', 'reference', 'created_at'], points);
  await insertRows(
    conn,
    'coupon',
    ['community_id', 'template_id', 'member_id', 'code', 'status', 'request_id', 'title', 'face_value_fen', 'min_spend_fen', 'points_cost', 'redeemed_at', 'expires_at', 'used_at', 'created_at'],
    coupons,
  );
  return { communityId, historyDays, members, rows: { activityDays: activity.length, checkIns: checkins.length, ledger: points.length, coupons: coupons.length } };
}

/**
 * The server's stats code in this process (the compiled build on its own ORM): the statements it
 * sends for the range, recorded, and a runner for it without HTTP and GraphQL around it.
 */
async function inProcessStats(databaseUrl) {
  require('reflect-metadata');
  const { initORM } = require(path.join(REPO_ROOT, 'server/dist/src/orm'));
  const { CommunityStatsService } = require(path.join(REPO_ROOT, 'server/dist/src/health/community-stats.service'));
  const { rebuildRollups } = require(path.join(REPO_ROOT, 'server/dist/src/health/rollups/rollup-backfill'));
  const orm = await initORM({ kind: 'mysql', url: databaseUrl });
  const service = new CommunityStatsService();
  const run = (communityId, from, to) => service.stats(orm.em.fork(), { id: communityId, timezone: 'Asia/Shanghai' }, from, to);
  return {
    run,
    rebuildRollups: (communityId) => rebuildRollups(orm.em.fork(), communityId, 'Asia/Shanghai'),
    async record(communityId, from, to) {
      const statements = [];
      const knex = orm.em.getKnex();
      const listener = (query) => statements.push(query.sql);
      knex.on('query', listener);
      await run(communityId, from, to);
      knex.removeListener('query', listener);
      return statements;
    },
    close: () => orm.close(true),
  };
}

/**
 * Median milliseconds of each runner, run in turn within every round (the order rotating), so a
 * neighbour's load on the shared machine weighs on all of them alike.
 */
async function timeInterleaved(runners) {
  const names = Object.keys(runners);
  for (let i = 0; i < 3; i += 1) for (const name of names) await runners[name](); // warm
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < RUNS; i += 1) {
    for (let k = 0; k < names.length; k += 1) {
      const name = names[(i + k) % names.length];
      const started = process.hrtime.bigint();
      await runners[name]();
      times[name].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return Object.fromEntries(names.map((name) => [name, round(median(times[name]))]));
}

/** Check-in throughput when the check-in is the member's first request of the day, against a later one. */
async function checkInActivityCost(conn, url, ownerToken) {
  const { createCommunity } = await gql(url, `mutation { createCommunity(input: { name: "签到压测", category: PERKS, joinPolicy: OPEN }) { id joinCode } }`, {}, ownerToken);
  const members = await inBatches(Array.from({ length: CHECKIN_MEMBERS * 2 + 200 }, (_, i) => `bench-ci-${i}`), 16, async (name) => {
    const token = await login(url, name);
    const joined = await gql(url, `mutation ($c: String!) { joinCommunity(joinCode: $c) { ... on JoinedCommunity { member { id } } } }`, { c: createCommunity.joinCode }, token);
    return { token, memberId: Number(joined.joinCommunity.member.id) };
  });
  const [warm, firstOfDay, laterToday] = [members.slice(0, 200), members.slice(200, 200 + CHECKIN_MEMBERS), members.slice(200 + CHECKIN_MEMBERS)];
  const ids = (list) => list.map((m) => m.memberId);
  // First request of the day: last active yesterday, no activity row today → UPDATE + INSERT.
  await conn.query('update member set last_active_at = last_active_at - interval 1 day where id in (?)', [ids([...warm, ...firstOfDay])]);
  await conn.query('delete from member_activity_day where member_id in (?)', [ids([...warm, ...firstOfDay])]);
  // A later request the same day, past the 5-minute throttle → the UPDATE alone (all that check-in wrote before).
  await conn.query('update member set last_active_at = last_active_at - interval 10 minute where id in (?)', [ids(laterToday)]);
  const CHECK_IN = `mutation ($c: ID!) { checkIn(communityId: $c) { __typename } }`;
  const bodyFor = (list) => (i) => ({ headers: { authorization: `Bearer ${list[i % list.length].token}` }, body: { query: CHECK_IN, variables: { c: createCommunity.id } } });
  await fire({ url: `${url}/graphql`, amount: warm.length, connections: CONNECTIONS, bodyFor: bodyFor(warm) });
  const later = await fire({ url: `${url}/graphql`, amount: CHECKIN_MEMBERS, connections: CONNECTIONS, check: true, bodyFor: bodyFor(laterToday) });
  const first = await fire({ url: `${url}/graphql`, amount: CHECKIN_MEMBERS, connections: CONNECTIONS, check: true, bodyFor: bodyFor(firstOfDay) });
  for (const run of [later, first]) {
    const ok = run.responses.filter((body) => body.includes('CheckInSuccess')).length;
    if (ok !== CHECKIN_MEMBERS) throw new Error(`expected ${CHECKIN_MEMBERS} check-ins, got ${ok}`);
  }
  const [[{ written }]] = await conn.query('select count(*) as written from member_activity_day where member_id in (?)', [ids(firstOfDay)]);
  if (Number(written) !== CHECKIN_MEMBERS) throw new Error(`expected ${CHECKIN_MEMBERS} activity rows, got ${written}`);
  return {
    members: CHECKIN_MEMBERS,
    connections: CONNECTIONS,
    laterRequestOfDay: { rps: later.throughput, p50: later.p50, p99: later.p99 },
    firstRequestOfDay: { rps: first.throughput, p50: first.p50, p99: first.p99 },
    throughputRatio: round(first.throughput / later.throughput),
  };
}

async function main() {
  const db = await createDatabase('stats');
  const qunyou = await startQunyou(db.url);
  const conn = await mysql.createConnection(db.url);
  const pool = mysql.createPool({ uri: db.url, connectionLimit: 24, timezone: '+00:00' });
  const inProcess = await inProcessStats(db.url);
  try {
    const ownerToken = await login(qunyou.url, 'bench-stats-owner');
    const to = localDay(Date.now());
    const from = localDay(Date.now() - (RANGE_DAYS - 1) * DAY_MS);
    const report = { rangeDays: RANGE_DAYS, from, to, runs: RUNS, sizes: [] };
    const seeded = [];
    for (const [index, size] of SIZES.entries()) {
      const started = Date.now();
      const community = await seedCommunity(conn, qunyou.url, ownerToken, `h${index}`, size.historyDays, size.members);
      await inProcess.rebuildRollups(community.communityId);
      await conn.query('analyze table member, member_activity_day, checkin, points_entry, coupon, community_day_stats, community_return_day');
      const statements = await inProcess.record(community.communityId, from, to);
      seeded.push({ size, community, statements, seedSeconds: (Date.now() - started) / 1000 });
    }
    // Every size through the server and as its raw SQL, interleaved in the same rounds.
    const runners = {};
    for (const [index, { community, statements }] of seeded.entries()) {
      runners[`server${index}`] = () => gql(qunyou.url, STATS, { c: community.communityId, from, to }, ownerToken);
      runners[`raw${index}`] = () => Promise.all(statements.map((sql) => pool.query(sql)));
      runners[`inProcess${index}`] = () => inProcess.run(community.communityId, from, to);
    }
    const times = await timeInterleaved(runners);
    for (const [index, { size, community, statements, seedSeconds }] of seeded.entries()) {
      const answer = (await runners[`server${index}`]()).communityStats;
      // Each statement alone, one after the other: where the time goes.
      const statementMs = [];
      for (const sql of statements) {
        const started = process.hrtime.bigint();
        await pool.query(sql);
        statementMs.push(round(Number(process.hrtime.bigint() - started) / 1e6, 1));
      }
      const [serverMs, rawSqlMs] = [times[`server${index}`], times[`raw${index}`]];
      report.sizes.push({
        historyDays: size.historyDays,
        members: size.members,
        seedSeconds,
        rows: community.rows,
        statements: statements.length,
        serverMs,
        rawSqlMs,
        inProcessMs: times[`inProcess${index}`],
        statementMs,
        serverVsRawSql: round(rawSqlMs / serverMs), // ≥ 0.8 wanted: the server at least 80% as fast as its bare SQL
        checkIns: answer.checkIns,
        activeMembers: answer.activeMembers,
      });
    }
    const base = report.sizes[0];
    const longHistory = report.sizes.find((size) => size.members === base.members && size.historyDays > base.historyDays);
    const manyMembers = report.sizes.find((size) => size.historyDays === base.historyDays && size.members > base.members);
    report.checkInActivityWrite = await checkInActivityCost(conn, qunyou.url, ownerToken);
    report.ratios = [
      ...report.sizes.map((size) => ({ name: `communityStats ${size.historyDays} days × ${size.members} members (raw SQL ÷ server)`, ratio: size.serverVsRawSql, goal: '≥ 0.8', met: size.serverVsRawSql >= 0.8 })),
    ];
    for (const [larger, what] of [[longHistory, 'days of history'], [manyMembers, 'members']]) {
      if (!larger) continue;
      const [a, b] = what === 'members' ? [larger.members, base.members] : [larger.historyDays, base.historyDays];
      const ratio = round(larger.serverMs / base.serverMs);
      report.ratios.push({ name: `communityStats time ${a} ÷ ${b} ${what}`, ratio, goal: '≤ 1.3', met: ratio <= 1.3 });
    }
    console.log(JSON.stringify(report, null, 2));
    return report;
  } finally {
    await conn.end();
    await pool.end();
    await inProcess.close();
    await qunyou.stop();
    await db.drop();
  }
}

benchmark(module, main);
