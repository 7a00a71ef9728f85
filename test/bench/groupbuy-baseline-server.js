// The baseline for test/bench/groupbuy-flash.bench.js: bare node:http + mysql2 running the same
// statements as Qunyou's joinGroupBuy — the conditional stock UPDATE (affected rows checked) that
// also hands out the 接龙 number, the entry INSERT, the commit — with none of the framework
// around them (no GraphQL, no ORM, no auth, no pre-checks: the member id comes in the body).
'use strict';
const http = require('node:http');
const mysql = require('mysql2/promise');

const pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 24, timezone: 'Z' });

async function join({ groupBuyId, communityId, memberId, quantity, requestId }) {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const now = new Date();
    const [taken] = await conn.query(
      `update group_buy set sold_quantity = sold_quantity + ?, participant_count = participant_count + 1, last_seq = last_insert_id(last_seq + 1)
       where id = ? and state = 'PUBLISHED' and starts_at <= ? and ends_at > ? and sold_quantity <= stock - ?`,
      [quantity, groupBuyId, now, now, quantity],
    );
    if (taken.affectedRows !== 1) {
      await conn.rollback();
      return { soldOut: true };
    }
    const seq = taken.insertId;
    await conn.query(
      `insert into group_buy_entry (created_at, group_buy_id, community_id, member_id, seq, quantity, request_id, live_key, picked_up, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, 1, 0, ?)`,
      [now, groupBuyId, communityId, memberId, seq, quantity, requestId, now],
    );
    await conn.commit();
    return { seq };
  } catch (error) {
    await conn.rollback();
    throw error;
  } finally {
    conn.release();
  }
}

http
  .createServer(async (req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    if (req.url !== '/join') return res.writeHead(404).end();
    let raw = '';
    for await (const chunk of req) raw += chunk;
    try {
      const result = await join(JSON.parse(raw));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(result));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1');

process.on('SIGTERM', () => pool.end().then(() => process.exit(0)));
