// The baseline for test/bench/floor.bench.js: a bare node:http handler that does what the full server must
// do for `{ __typename }` and `{ me { id } }` with a session: parse the JSON body, verify the bearer token
// (jsonwebtoken, HS256, the same secret and issuer), read the session's user row (mysql2, the same
// statement), and answer the same JSON. No GraphQL, no ORM, no framework.
'use strict';
const http = require('node:http');
const { createSecretKey } = require('node:crypto');
const jwt = require('jsonwebtoken');
const mysql = require('mysql2/promise');

const pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 24, timezone: 'Z' });
const key = createSecretKey(Buffer.from(process.env.SESSION_SECRET, 'utf8'));

async function sessionUser(authorization) {
  const match = /^Bearer\s+([A-Za-z0-9_\-.]{10,2048})$/.exec((authorization || '').trim());
  if (!match) return null;
  const claims = jwt.verify(match[1], key, { algorithms: ['HS256'], issuer: 'qunyou' });
  const [[user]] = await pool.query('select id, created_at, openid, nickname, avatar_url, updated_at, session_generation from app_user where id = ?', [Number(claims.sub)]);
  return user && (claims.gen ?? 0) === user.session_generation ? user : null;
}

http
  .createServer(async (req, res) => {
    if (req.url === '/healthz') return res.end('ok');
    let raw = '';
    for await (const chunk of req) raw += chunk;
    try {
      JSON.parse(raw);
      const user = await sessionUser(req.headers.authorization);
      const data = req.url === '/me' ? { me: user ? { id: String(user.id) } : null } : { __typename: 'Query' };
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.end(JSON.stringify({ data }));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1');

process.on('SIGTERM', () => pool.end().then(() => process.exit(0)));
