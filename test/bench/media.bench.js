// Benchmark (not a test): image uploads (issue 21). A 3 MB, 12-megapixel phone photo uploaded 8 at a time
// to POST /media (session, membership, rate limit off, multipart, sharp re-encode to 2048 px + 480 px,
// local storage, the media row) against a bare node:http + sharp handler doing the same image work in
// the same run (media-baseline-server.js), in alternating rounds; and the server's peak RSS meanwhile.
// Goals: ≥ 0.8× the bare handler's uploads per second; ≤ 400 MB RSS per process.
// Usage: npm run build:server && node test/bench/media.bench.js
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');
const sharp = require('sharp');
const { REPO_ROOT, benchmark, createDatabase, startProcess, startQunyou, gql, login, median } = require('./lib');

const CONNECTIONS = Number(process.env.BENCH_MEDIA_CONNECTIONS || 8);
const UPLOADS = Number(process.env.BENCH_MEDIA_UPLOADS || 40);
const ROUNDS = Number(process.env.BENCH_MEDIA_ROUNDS || 2);

/** A 4032 × 3024 photo with grain (so it compresses like a phone's), EXIF orientation 6: about 3 MB. */
async function phonePhoto() {
  const [width, height] = [4032, 3024];
  const raw = Buffer.alloc(width * height * 3);
  let seed = 42;
  const noise = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 16) % 34;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x / 16 + noise()) & 255;
      raw[i + 1] = (y / 12 + noise()) & 255;
      raw[i + 2] = ((x + y) / 28 + noise()) & 255;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).withMetadata({ orientation: 6 }).jpeg({ quality: 84 }).toBuffer();
}

function multipart(photo, fields) {
  const boundary = `----qunyou${Date.now()}`;
  const parts = Object.entries(fields).map(([name, value]) => Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="IMG_0001.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`), photo, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function rssMb(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : 0;
}

/** `UPLOADS` uploads at `CONNECTIONS` concurrent; the process's RSS sampled every 50 ms meanwhile. */
async function uploads(target, body, headers) {
  let peakRss = rssMb(target.pid);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(target.pid))), 50);
  const started = process.hrtime.bigint();
  const result = await autocannon({ url: `${target.url}/media`, connections: CONNECTIONS, amount: UPLOADS, method: 'POST', headers, body, timeout: 60 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  return { uploadsPerSecond: Math.round((result.requests.total / seconds) * 100) / 100, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts, peakRssMb: peakRss };
}

async function main() {
  const photo = await phonePhoto();
  const db = await createDatabase('media');
  const mediaRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'qunyou-media-bench-'));
  const malloc = process.env.BENCH_MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.BENCH_MALLOC_ARENA_MAX } : {};
  const server = await startQunyou(db.url, { metrics: false }, { MEDIA_DIR: path.join(mediaRoot, 'server'), ...malloc });
  const bare = await startProcess(path.join(REPO_ROOT, 'test/bench/media-baseline-server.js'), [], { MEDIA_DIR: path.join(mediaRoot, 'bare'), ...malloc });
  const idleRssMb = rssMb(server.pid);
  try {
    const ownerToken = await login(server.url, 'media-bench-owner');
    const { createCommunity } = await gql(server.url, `mutation { createCommunity(input: { name: "图片压测", category: PERKS, joinPolicy: OPEN }) { id joinCode } }`, {}, ownerToken);
    const token = await login(server.url, 'media-bench-member');
    await gql(server.url, `mutation ($c: String!) { joinCommunity(joinCode: $c) { __typename } }`, { c: createCommunity.joinCode }, token);
    const form = multipart(photo, { communityId: createCommunity.id, purpose: 'POST' });
    const headers = { 'content-type': form.contentType, authorization: `Bearer ${token}` };

    // Warm-up, then ABAB rounds so the machine's drift falls on both.
    await uploads(server, form.body, headers);
    await uploads(bare, form.body, headers);
    const rounds = { server: [], bare: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [side, target] of round % 2 ? [['bare', bare], ['server', server]] : [['server', server], ['bare', bare]]) rounds[side].push(await uploads(target, form.body, headers));
    }
    const summary = (runs) => ({
      uploadsPerSecond: median(runs.map((run) => run.uploadsPerSecond)),
      p99: median(runs.map((run) => run.p99)),
      peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
      failed: runs.reduce((sum, run) => sum + run.non2xx + run.errors, 0),
    });
    const [ours, theirs] = [summary(rounds.server), summary(rounds.bare)];
    const ratio = Math.round((ours.uploadsPerSecond / theirs.uploadsPerSecond) * 100) / 100;
    const report = {
      photo: { bytes: photo.length, width: 4032, height: 3024 },
      connections: CONNECTIONS,
      uploadsPerRound: UPLOADS,
      rounds: ROUNDS,
      results: { server: { ...ours, idleRssMb }, bare: theirs },
      ratios: [
        { name: `uploads of a ${(photo.length / 1048576).toFixed(1)} MB photo @${CONNECTIONS}, server ÷ bare node:http + sharp`, ratio, goal: '≥ 0.8', met: ratio >= 0.8 && ours.failed === 0 },
        { name: 'server peak RSS during the uploads (MB)', ratio: ours.peakRssMb, goal: '≤ 400', met: ours.peakRssMb <= 400 },
      ],
    };
    console.log(JSON.stringify(report, null, 2));
    return report;
  } finally {
    await server.stop();
    await bare.stop();
    await db.drop();
    fs.rmSync(mediaRoot, { recursive: true, force: true });
  }
}

benchmark(module, main);
