// The baseline for test/bench/economy.bench.js: a bare node:http + mysql2 server running the
// same SQL statements as Qunyou's check-in, redemption and home query, with none of the
// framework around them (no GraphQL, no ORM, no auth: the member id comes in the body).
'use strict';
const http = require('node:http');
const { randomBytes } = require('node:crypto');
const mysql = require('mysql2/promise');

const pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 24, timezone: 'Z' });
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
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

async function credit(conn, { communityId, memberId, amount, type, note }) {
  const earned = Math.max(amount, 0);
  const [update] = await conn.query(
    `update member set tier_level = ${TIER_SQL}, points = points + ?, lifetime_points = lifetime_points + ? where id = ? and community_id = ? and points + ? >= 0`,
    [communityId, earned, amount, earned, memberId, communityId, amount],
  );
  if (update.affectedRows !== 1) return null;
  const [[{ points }]] = await conn.query('select points from member where id = ?', [memberId]);
  await conn.query('insert into points_entry (created_at, community_id, member_id, amount, balance_after, type, note) values (now(3), ?, ?, ?, ?, ?, ?)', [
    communityId, memberId, amount, points, type, note,
  ]);
  return points;
}

const routes = {
  async checkin({ memberId, communityId }) {
    const day = today();
    return inTransaction(async (conn) => {
      await conn.query('select id from member where id = ? for update', [memberId]);
      const [[last]] = await conn.query('select day, streak from checkin where member_id = ? order by day desc limit 1', [memberId]);
      if (last && last.day === day) return { already: true };
      const streak = 1;
      await conn.query('insert into checkin (created_at, community_id, member_id, day, streak, points_awarded, bonus_points) values (now(3), ?, ?, ?, ?, 10, 0)', [communityId, memberId, day, streak]);
      const balance = await credit(conn, { communityId, memberId, amount: 10, type: 'CHECK_IN', note: `${day} 签到` });
      await conn.query('update member set streak = ?, last_check_in_on = ? where id = ?', [streak, day, memberId]);
      return { balance };
    });
  },
  async redeem({ memberId, communityId, templateId, requestId }) {
    return inTransaction(async (conn) => {
      await conn.query('select id from member where id = ? for update', [memberId]);
      const [[{ n }]] = await conn.query('select count(*) as n from coupon where member_id = ? and request_id = ?', [memberId, requestId]);
      if (n) return { replay: true };
      const [[template]] = await conn.query('select face_value_fen, valid_days from coupon_template where id = ?', [templateId]);
      const balance = await credit(conn, { communityId, memberId, amount: -template.face_value_fen, type: 'COUPON_REDEEM', note: '兑换' });
      if (balance === null) return { insufficient: true };
      await conn.query('update coupon_template set issued_count = issued_count + 1 where id = ?', [templateId]);
      const code = randomBytes(6).toString('hex').toUpperCase();
      await conn.query(
        `insert into coupon (created_at, community_id, template_id, member_id, code, status, request_id, points_cost, redeemed_at, expires_at)
         values (now(3), ?, ?, ?, ?, 'UNUSED', ?, ?, now(3), now(3) + interval ? day)`,
        [communityId, templateId, memberId, code, requestId, template.face_value_fen, template.valid_days],
      );
      return { code, balance };
    });
  },
  async home({ memberId, communityId, userId }) {
    const [[user]] = await pool.query('select id, nickname from app_user where id = ?', [userId]);
    const [[member]] = await pool.query(
      `select m.*, c.name, c.timezone, u.nickname from member m join community c on c.id = m.community_id join app_user u on u.id = m.user_id where m.id = ?`,
      [memberId],
    );
    const [tiers] = await pool.query('select level, name, threshold, multiplier_percent from member_tier where community_id = ? order by level', [communityId]);
    const [[counts]] = await pool.query(
      'select (select count(*) from member where community_id = ? and status = ?) as members, (select count(*) from wechat_group where community_id = ?) as `groups`',
      [communityId, 'ACTIVE', communityId],
    );
    const [[rule]] = await pool.query('select base_points, cycle_days, bonuses from checkin_rule where community_id = ?', [communityId]);
    return { user: user.id, points: member.points, tiers: tiers.length, counts, rule: rule.base_points };
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
