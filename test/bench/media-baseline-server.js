// The bare baseline of media.bench.js: node:http + sharp, no framework, no database, no session. It reads
// the multipart body, cuts the file part out by its boundary, and does the same image work as POST /media
// (decode once to 2048 px with orientation applied and sRGB, then a 2048 px and a 480 px JPEG with mozjpeg,
// both written to disk).
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const sharp = require('sharp');

sharp.cache(false);

const dir = process.env.MEDIA_DIR;
fs.mkdirSync(dir, { recursive: true });

function filePart(body, contentType) {
  const boundary = Buffer.from(`--${/boundary=([^;]+)/.exec(contentType)[1]}`);
  const start = body.indexOf('name="file"');
  const headerEnd = body.indexOf('\r\n\r\n', start) + 4;
  const end = body.indexOf(boundary, headerEnd) - 2;
  return body.subarray(headerEnd, end);
}

http
  .createServer((req, res) => {
    if (req.url === '/healthz') return res.end('{"status":"ok"}');
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      try {
        const pixels = await sharp(filePart(Buffer.concat(chunks), req.headers['content-type']), { failOn: 'truncated', limitInputPixels: 40_000_000 })
          .rotate()
          .resize(2048, 2048, { fit: 'inside', withoutEnlargement: true })
          .flatten({ background: '#ffffff' })
          .toColourspace('srgb')
          .raw()
          .toBuffer({ resolveWithObject: true });
        const image = sharp(pixels.data, { raw: { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels } });
        const [full, thumbnail] = await Promise.all([
          image.clone().jpeg({ quality: 82, mozjpeg: true }).toBuffer({ resolveWithObject: true }),
          image.clone().resize(480, 480, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 76, mozjpeg: true }).toBuffer(),
        ]);
        const name = randomBytes(24).toString('base64url');
        await Promise.all([fs.promises.writeFile(path.join(dir, `${name}.jpg`), full.data), fs.promises.writeFile(path.join(dir, `${name}_t.jpg`), thumbnail)]);
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: name, width: full.info.width, height: full.info.height }));
      } catch (error) {
        res.writeHead(400).end(String(error.message));
      }
    });
  })
  .listen(Number(process.env.PORT), '127.0.0.1');
