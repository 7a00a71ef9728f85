// Benchmark (not a test): 积分有效期 (issue 26).
//  1. The nightly expiry job over a community of 50,000 members with a year of history (12 monthly
//     earnings and 2 spends each: 700,000 ledger rows, 600,000 lots), every member with points due
//     last night: the job's time and statement count against the same work in bare SQL (one
//     transaction of set-based statements, no claims, no chunks), and the job at 5,000 against 50,000
//     members (goal ≤ 12×: linear in the members with points due, not in the history).
//     The data is seeded with bulk SQL; the job runs in this process (the compiled build on its own ORM).
//  2. Redemption at 32 connections in a community with ROLLING expiry (each member's balance in 12
//     lots, so every spend walks them) against one with NONE, on the same server process, in
//     alternating rounds (goal: on ÷ off ≥ 0.9).
// Usage: npm run build:server && node test/bench/expiry.bench.js   Prints one JSON report.
'use strict';
const path = require('node:path');
const mysql = require('mysql2/promise');
const { REPO_ROOT, createDatabase, startQunyou, gql, login, inBatches, fire, benchmark, median } = require('./lib');

const SIZES = (process.env.BENCH_EXPIRY_MEMBERS || '5000,50000').split(',').map(Number);
const MONTHS = 12;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 32);
const REDEEM_MEMBERS = Number(process.env.BENCH_EXPIRY_REDEEM_MEMBERS || 300);
const ROUNDS = Number(process.env.BENCH_EXPIRY_ROUNDS || 3);
const TZ_OFFSET_MS = 8 * 3600 * 1000; // Asia/Shanghai
const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const localDay = (ms) => new Date(ms + TZ_OFFSET_MS).toISOString().slice(0, 10);

async function newCommunity(url, ownerToken, name, mode, months) {
  const { createCommunity } = await gql(url, `mutation ($n: String!) { createCommunity(input: { name: $n, category: PERKS, joinPolicy: OPEN }) { id joinCode } }`, { n: name }, ownerToken);
  await gql(url, `mutation ($c: ID!, $i: PointsExpiryPolicyInput!) { setPointsExpiryPolicy(communityId: $c, input: $i) { mode } }`, { c: createCommunity.id, i: { mode, months } }, ownerToken);
  return { id: Number(createCommunity.id), joinCode: createCommunity.joinCode };
}

/** 0..99,999 in a table, for set-based seeding. */
async function createSequence(conn) {
  await conn.query('create table bench_seq (n int primary key)');
  await conn.query(`insert into bench_seq (n) select a.d + 10 * b.d + 100 * c.d + 1000 * d.d + 10000 * e.d
    from (select 0 d union all select 1 union all select 2 union all select 3 union all select 4 union all select 5 union all select 6 union all select 7 union all select 8 union all select 9) a
    cross join (select 0 d union all select 1 union all select 2 union all select 3 union all select 4 union all select 5 union all select 6 union all select 7 union all select 8 union all select 9) b
    cross join (select 0 d union all select 1 union all select 2 union all select 3 union all select 4 union all select 5 union all select 6 union all select 7 union all select 8 union all select 9) c
    cross join (select 0 d union all select 1 union all select 2 union all select 3 union all select 4 union all select 5 union all select 6 union all select 7 union all select 8 union all select 9) d
    cross join (select 0 d union all select 1 union all select 2 union all select 3 union all select 4 union all select 5 union all select 6 union all select 7 union all select 8 union all select 9) e`);
}

/**
 * `members` members, each with a year under ROLLING 12: +100 on the same day of each of the last 12
 * months (the oldest earned a year and a day ago, so its lot was good through yesterday), −30 in
 * month 3 and month 7 (taken from the oldest lot: 40 of it left to expire). Balance 1,140 = the lots.
 */
async function seedHistory(conn, communityId, label, members) {
  const yesterday = localDay(Date.now() - 24 * 3600 * 1000);
  await conn.query(`insert into app_user (openid, nickname, created_at, updated_at) select concat('bench-x-', ?, '-', n), concat('成员', n), now(), now() from bench_seq where n < ?`, [label, members]);
  await conn.query(
    `insert into member (community_id, user_id, role, status, points, lifetime_points, streak, tier_level, joined_at, last_active_at, created_at)
     select ?, id, 'MEMBER', 'ACTIVE', 1140, 1200, 0, 1, now() - interval 13 month, now(), now() - interval 13 month from app_user where openid like concat('bench-x-', ?, '-%')`,
    [communityId, label],
  );
  const earnedOn = (m) => `date_sub(?, interval ${MONTHS - m} month)`; // month m's earning: its lot ends ${m} months after yesterday
  for (let m = 0; m < MONTHS; m += 1) {
    await conn.query(
      `insert into points_entry (community_id, member_id, amount, balance_after, type, reference, created_at)
       select community_id, id, 100, 0, 'CHECK_IN', 'bench', ${earnedOn(m)} from member where community_id = ? and role = 'MEMBER'`,
      [yesterday, communityId],
    );
    await conn.query(
      `insert into points_lot (community_id, member_id, expires_on, amount, remaining, created_at)
       select community_id, id, date_add(?, interval ${m} month), 100, ?, now() from member where community_id = ? and role = 'MEMBER'`,
      [yesterday, m === 0 ? 40 : 100, communityId],
    );
  }
  for (const m of [3, 7]) {
    await conn.query(
      `insert into points_entry (community_id, member_id, amount, balance_after, type, reference, created_at)
       select community_id, id, -30, 0, 'COUPON_REDEEM', 'bench', ${earnedOn(m)} from member where community_id = ? and role = 'MEMBER'`,
      [yesterday, communityId],
    );
  }
  const [[{ ledger }]] = await conn.query('select count(*) as ledger from points_entry where community_id = ?', [communityId]);
  const [[{ lots }]] = await conn.query('select count(*) as lots from points_lot where community_id = ?', [communityId]);
  return { communityId, members, ledgerRows: Number(ledger), lots: Number(lots), yesterday };
}

/** The job's own code in this process, its statements counted as the ORM announces them. */
async function inProcessJob(databaseUrl) {
  require('reflect-metadata');
  const { initORM } = require(path.join(REPO_ROOT, 'server/dist/src/orm'));
  const { PointsExpiryService } = require(path.join(REPO_ROOT, 'server/dist/src/points/expiry/points-expiry.service'));
  const orm = await initORM({ kind: 'mysql', url: databaseUrl });
  // Expiring needs no notifications (warn() does).
  const service = new PointsExpiryService({ now: () => new Date() }, null);
  return {
    async run(communityId) {
      let statements = 0;
      const knex = orm.em.getKnex();
      const count = (query) => (statements += query.sql.split(';\n').length);
      knex.on('query', count);
      const started = process.hrtime.bigint();
      const expired = await service.expireDue(orm.em.fork(), { id: communityId, timezone: 'Asia/Shanghai' });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      knex.removeListener('query', count);
      return { ms: round(ms), statements, expiredMembers: expired };
    },
    close: () => orm.close(true),
  };
}

/** The same work as one bare transaction of set-based statements on a mysql2 connection. */
async function bareExpiry(databaseUrl, communityId, date) {
  const conn = await mysql.createConnection({ uri: databaseUrl, timezone: '+00:00' });
  const statements = [
    'begin',
    ['select m.id from member m join points_lot l on l.member_id = m.id where l.community_id = ? and l.expires_on = ? and l.remaining > 0 order by m.id for update', [communityId, date]],
    [
      `insert into points_entry (community_id, member_id, amount, balance_after, type, reference, note, created_at)
       select l.community_id, l.member_id, -least(l.remaining, m.points), m.points - least(l.remaining, m.points), 'POINTS_EXPIRED', ?, ?, now(3)
         from points_lot l join member m on m.id = l.member_id where l.community_id = ? and l.expires_on = ? and l.remaining > 0`,
      [`expired:${date}`, `${date} 到期的积分已过期`, communityId, date],
    ],
    [
      `update member m join points_lot l on l.member_id = m.id and l.community_id = ? and l.expires_on = ? and l.remaining > 0
          set m.points = m.points - least(l.remaining, m.points), l.remaining = 0`,
      [communityId, date],
    ],
    'commit',
  ];
  const started = process.hrtime.bigint();
  for (const statement of statements) await (typeof statement === 'string' ? conn.query(statement) : conn.query(statement[0], statement[1]));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  await conn.end();
  return { ms: round(ms), statements: statements.length };
}

async function nightlyJob(conn, url, ownerToken, databaseUrl) {
  await createSequence(conn);
  const communities = {};
  const seedStarted = Date.now();
  for (const size of SIZES) communities[size] = await seedHistory(conn, (await newCommunity(url, ownerToken, `过期压测${size}`, 'ROLLING', 12)).id, `j${size}`, size);
  const largest = Math.max(...SIZES);
  const bareCommunity = await seedHistory(conn, (await newCommunity(url, ownerToken, '过期压测裸SQL', 'ROLLING', 12)).id, 'bare', largest);
  const seedSeconds = round((Date.now() - seedStarted) / 1000, 1);
  await conn.query('analyze table points_lot, member, points_entry');

  const job = await inProcessJob(databaseUrl);
  try {
    const runs = {};
    for (const size of SIZES) runs[size] = await job.run(communities[size].communityId);
    const bare = await bareExpiry(databaseUrl, bareCommunity.communityId, bareCommunity.yesterday);
    const [[check]] = await conn.query(
      `select count(*) as broken from member m where m.community_id in (?) and m.role = 'MEMBER' and (m.points <> (select coalesce(sum(amount), 0) from points_entry e where e.member_id = m.id) or m.points < 0 or m.points <> 1100)`,
      [[...SIZES.map((size) => communities[size].communityId), bareCommunity.communityId]],
    );
    const smallest = Math.min(...SIZES);
    const scaling = round(runs[largest].ms / runs[smallest].ms);
    const againstBare = round(runs[largest].ms / bare.ms);
    return {
      seedSeconds,
      communities: Object.values(communities),
      job: runs,
      bareSql: { members: largest, ...bare },
      invariantViolations: Number(check.broken),
      ratios: [
        { name: `expiry job ${largest} ÷ ${smallest} members (time)`, ratio: scaling, goal: '≤ 12', met: scaling <= 12 },
        { name: `expiry job ÷ bare SQL at ${largest} members (time)`, ratio: againstBare, goal: 'reported', met: true },
        { name: `expiry job ÷ bare SQL at ${largest} members (statements)`, ratio: round(runs[largest].statements / bare.statements), goal: 'reported', met: true },
      ],
    };
  } finally {
    await job.close();
  }
}

async function redeemers(url, ownerToken, community, prefix, count) {
  return inBatches(Array.from({ length: count }, (_, i) => `${prefix}-${i}`), 16, async (name) => {
    const token = await login(url, name);
    const joined = await gql(url, `mutation ($c: String!) { joinCommunity(joinCode: $c) { ... on JoinedCommunity { member { id } } } }`, { c: community.joinCode }, token);
    const memberId = joined.joinCommunity.member.id;
    await gql(url, `mutation ($c: ID!, $m: ID!) { adjustPoints(communityId: $c, memberId: $m, amount: 99996, reason: "压测") { __typename } }`, { c: community.id, m: memberId }, ownerToken);
    return token;
  });
}

async function redemptionCost(conn, url, ownerToken) {
  const sides = {};
  for (const [side, mode, months] of [['off', 'NONE', null], ['on', 'ROLLING', 12]]) {
    const community = await newCommunity(url, ownerToken, `兑换压测${side}`, mode, months);
    await gql(url, `mutation ($c: ID!) { setPointsAdjustPolicy(communityId: $c, perCallLimit: 100000, dailyLimit: 1000000000) { perCallLimit } }`, { c: community.id }, ownerToken);
    const { createCouponTemplate } = await gql(
      url,
      `mutation ($c: ID!) { createCouponTemplate(communityId: $c, input: { title: "¥1 券", faceValueFen: 100, minSpendFen: 0, validDays: 30, minTierLevel: 0 }) { id } }`,
      { c: community.id },
      ownerToken,
    );
    sides[side] = { community, templateId: createCouponTemplate.id, tokens: await redeemers(url, ownerToken, community, `redeem-${side}`, REDEEM_MEMBERS) };
  }
  // With expiry on, each member's 99,996 points lie in 12 lots (one a month ahead), none outside: every spend walks them.
  const on = sides.on.community.id;
  await conn.query('delete from points_lot where community_id = ?', [on]);
  for (let m = 1; m <= MONTHS; m += 1) {
    await conn.query(
      `insert into points_lot (community_id, member_id, expires_on, amount, remaining, created_at)
       select community_id, id, date_add(curdate(), interval ${m} month), 8333, 8333, now() from member where community_id = ? and role = 'MEMBER'`,
      [on],
    );
  }
  const REDEEM = `mutation ($t: ID!, $r: String!) { redeemCoupon(templateId: $t, requestId: $r) { __typename } }`;
  let request = 0;
  const redeem = (side) =>
    fire({
      url: `${url}/graphql`, connections: CONNECTIONS, amount: REDEEM_MEMBERS * 2,
      bodyFor: (i) => ({ headers: { authorization: `Bearer ${sides[side].tokens[i % REDEEM_MEMBERS]}` }, body: { query: REDEEM, variables: { t: sides[side].templateId, r: `bench-${side}-${(request += 1)}` } } }),
      check: true,
    });
  await redeem('off');
  await redeem('on'); // warm
  const runs = { off: [], on: [] };
  for (let r = 0; r < ROUNDS; r += 1) {
    for (const side of r % 2 ? ['on', 'off'] : ['off', 'on']) {
      const run = await redeem(side);
      const ok = run.responses.filter((body) => body.includes('CouponRedeemed')).length;
      if (ok !== REDEEM_MEMBERS * 2) throw new Error(`expected ${REDEEM_MEMBERS * 2} redemptions, got ${ok}`);
      runs[side].push(run);
    }
  }
  const [[lots]] = await conn.query('select count(*) as uses, (select sum(remaining) from points_lot where community_id = ?) as left_in_lots from points_lot_use u join member m on m.id = u.member_id where m.community_id = ?', [on, on]);
  const summary = (list) => ({ rps: median(list.map((run) => run.throughput)), p50: median(list.map((run) => run.p50)), p99: median(list.map((run) => run.p99)) });
  const result = { members: REDEEM_MEMBERS, connections: CONNECTIONS, rounds: ROUNDS, expiryOff: summary(runs.off), expiryOn: summary(runs.on), lotUses: Number(lots.uses) };
  const ratio = round(result.expiryOn.rps / result.expiryOff.rps);
  return { ...result, ratios: [{ name: `redeemCoupon @${CONNECTIONS}, expiry on ÷ off (throughput)`, ratio, goal: '≥ 0.9', met: ratio >= 0.9 }] };
}

async function main() {
  const db = await createDatabase('expiry');
  const qunyou = await startQunyou(db.url);
  const conn = await mysql.createConnection(db.url);
  try {
    const ownerToken = await login(qunyou.url, 'bench-expiry-owner');
    const report = {};
    if (process.env.BENCH_EXPIRY_PART !== 'redeem') report.nightlyJob = await nightlyJob(conn, qunyou.url, ownerToken, db.url);
    if (process.env.BENCH_EXPIRY_PART !== 'job') report.redemption = await redemptionCost(conn, qunyou.url, ownerToken);
    report.ratios = [...(report.nightlyJob?.ratios ?? []), ...(report.redemption?.ratios ?? [])];
    console.log(JSON.stringify(report, null, 2));
    return report;
  } finally {
    await conn.end();
    await qunyou.stop();
    await db.drop();
  }
}

benchmark(module, main);
