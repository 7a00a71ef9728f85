// `npm run bench` (after `npm run build:server`): every benchmark in this folder, one after the other,
// each printing its JSON report, then one table of every ratio against its goal (ratios are measured
// against a bare baseline in the same run: absolute times on a shared machine are noise).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

async function main() {
  const benches = fs.readdirSync(__dirname).filter((file) => file.endsWith('.bench.js')).sort();
  const rows = [];
  for (const bench of benches) {
    console.log(`\n── ${bench}`);
    const report = await require(path.join(__dirname, bench))();
    for (const ratio of report?.ratios ?? []) rows.push({ bench, ...ratio });
  }
  console.log('\n| benchmark | measure | ratio | goal | met |\n| --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.bench} | ${row.name} | ${row.ratio} | ${row.goal} | ${row.met ? 'yes' : 'no'} |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
