// The baseline for test/bench/economy.bench.js: a bare node:http + mysql2 server running the
// same SQL statements as Qunyou's check-in, redemption and home query, with none of the
// framework around them (no GraphQL, no ORM, no token: the user and member ids come in the body).
// Keep it in step with the server's statements (trace them with MariaDB's general log).
'use strict';
const http = require('node:http');
const { randomBytes } = require('node:crypto');
const mysql = require('mysql2/promise');

const pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 24, timezone: 'Z' });
const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
const today = () => localDay.format(new Date());
const TIER_SQL = 'coalesce((select max(t.level) from member_tier t where t.community_id = ? and t.threshold <= lifetime_points + ?), 0)';

async function inTransaction(work) {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const result = await work(conn);
    await conn.commit();
    return result;
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}

/** The reads every member request starts with: the session's user, then the caller's member row with its community. */
async function caller(conn, { userId, communityId }) {
  const [[user]] = await conn.query('select id, created_at, openid, nickname, avatar_url, updated_at from app_user where id = ?', [userId]);
  const [[member]] = await conn.query(
    'select m.*, c.name, c.category, c.description, c.join_policy, c.join_code, c.timezone, c.settings_version from member m join community c on c.id = m.community_id where m.community_id = ? and m.user_id = ?',
    [communityId, userId],
  );
  return { user, member };
}

/** The ledger's two statements: the balance moved by a conditional UPDATE (tier and, for a check-in, the streak with it), then the ledger row. */
async function credit(conn, { communityId, memberId, amount, balanceBefore, type, note, reference, streak }) {
  const earned = Math.max(amount, 0);
  const [update] = await conn.query(
    `update member set tier_level = ${TIER_SQL}, points = points + ?, lifetime_points = lifetime_points + ?${streak ? ', streak = ?, last_check_in_on = ?' : ''}
      where id = ? and community_id = ? and points + ? >= 0`,
    [communityId, earned, amount, earned, ...(streak ? [streak.streak, streak.day] : []), memberId, communityId, amount],
  );
  if (update.affectedRows !== 1) return null;
  const balance = balanceBefore + amount;
  await conn.query('insert into points_entry (community_id, member_id, amount, balance_after, type, reference, note, operator_id, created_at) values (?, ?, ?, ?, ?, ?, ?, null, now(3))', [
    communityId, memberId, amount, balance, type, reference, note,
  ]);
  return balance;
}

/** The dashboard's rollup of the day (server/src/health/rollups/): one upsert, sent last in the transaction, as the server sends it with the COMMIT. */
async function addToDay(conn, { communityId, memberId, day, columns }) {
  const names = Object.keys(columns);
  await conn.query(
    `insert into community_day_stats (community_id, day, shard, ${names.join(', ')}) values (?, ?, ?, ${names.map(() => '?').join(', ')})
      on duplicate key update ${names.map((name) => `${name} = ${name} + values(${name})`).join(', ')}`,
    [communityId, day, memberId % 4, ...Object.values(columns)],
  );
}

const lockMember = async (conn, memberId) => (await conn.query('select points, streak, last_check_in_on from member where id = ? for update', [memberId]))[0][0];

// The check-in rule and the tiers are cached by the server (under community.settings_version), so neither side reads them here.
const routes = {
  async checkin({ memberId, userId, communityId }) {
    await caller(pool, { userId, communityId });
    const day = today();
    return inTransaction(async (conn) => {
      const locked = await lockMember(conn, memberId);
      if (locked.last_check_in_on === day) return { already: true };
      const streak = 1;
      await conn.query('insert into checkin (community_id, member_id, day, streak, points_awarded, bonus_points, created_at) values (?, ?, ?, ?, 10, 0, now(3))', [communityId, memberId, day, streak]);
      const balance = await credit(conn, { communityId, memberId, amount: 10, balanceBefore: locked.points, type: 'CHECK_IN', note: `${day} 签到`, reference: `checkin:${day}`, streak: { streak, day } });
      await addToDay(conn, { communityId, memberId, day, columns: { check_ins: 1, points_issued: 10 } });
      return { balance };
    });
  },
  async redeem({ memberId, userId, communityId, templateId, requestId }) {
    const [[template]] = await pool.query('select * from coupon_template where id = ?', [templateId]);
    await caller(pool, { userId, communityId });
    return inTransaction(async (conn) => {
      const locked = await lockMember(conn, memberId);
      const balance = await credit(conn, { communityId, memberId, amount: -template.face_value_fen, balanceBefore: locked.points, type: 'COUPON_REDEEM', note: '兑换', reference: `redeem:${requestId}` });
      if (balance === null) return { insufficient: true };
      await conn.query('update coupon_template set issued_count = issued_count + 1 where id = ?', [templateId]);
      const code = randomBytes(6).toString('hex').toUpperCase();
      await conn.query(
        `insert into coupon (community_id, template_id, member_id, code, status, request_id, title, face_value_fen, min_spend_fen, points_cost, redeemed_at, expires_at, created_at)
         values (?, ?, ?, ?, 'UNUSED', ?, ?, ?, ?, ?, now(3), now(3) + interval ? day, now(3))`,
        [communityId, templateId, memberId, code, requestId, template.title, template.face_value_fen, template.min_spend_fen, template.face_value_fen, template.valid_days],
      );
      await addToDay(conn, { communityId, memberId, day: today(), columns: { points_spent: template.face_value_fen, coupons_issued: 1 } });
      return { code, balance };
    });
  },
  async home({ communityId, userId }) {
    const { user, member } = await caller(pool, { userId, communityId });
    const [[counts]] = await pool.query(
      'select (select count(*) from member where community_id = ? and status = ?) as members, (select count(*) from wechat_group where community_id = ?) as `groups`',
      [communityId, 'ACTIVE', communityId],
    );
    return { user: user.id, points: member.points, counts };
  },
};

http
  .createServer(async (req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    const route = routes[req.url.slice(1)];
    if (!route) return res.writeHead(404).end();
    let raw = '';
    for await (const chunk of req) raw += chunk;
    try {
      const result = await route(JSON.parse(raw));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(result));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1');

process.on('SIGTERM', () => pool.end().then(() => process.exit(0)));
