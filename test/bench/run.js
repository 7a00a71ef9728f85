// `npm run bench` (after `npm run build:server`): every benchmark in this folder, one after the
// other, each printing its JSON report (ratios against a baseline measured in the same run).
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const benches = fs.readdirSync(__dirname).filter((file) => file.endsWith('.bench.js')).sort();
for (const bench of benches) {
  console.log(`\n── ${bench}`);
  execFileSync(process.execPath, [path.join(__dirname, bench)], { stdio: 'inherit' });
}
