// The top frames of a V8 CPU profile (node --cpu-prof), by self time and by total time per package:
// `node test/bench/profile-top.js <file.cpuprofile> [count]`.
'use strict';
const fs = require('node:fs');

const [file, countArg] = process.argv.slice(2);
const { nodes, samples, timeDeltas } = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(nodes.map((node) => [node.id, node]));
const selfTime = new Map();
samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (timeDeltas[i] ?? 0)));
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);

const where = (frame) => {
  const url = frame.url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  return pkg ?? (url.includes('/server/dist/') ? 'server' : url ? (url.startsWith('node:') ? url : 'other') : '(native)');
};
const frames = new Map();
const packages = new Map();
for (const [id, time] of selfTime) {
  const { callFrame } = byId.get(id);
  const name = `${callFrame.functionName || '(anonymous)'} ${where(callFrame)}${callFrame.url ? `:${callFrame.lineNumber + 1}` : ''}`;
  frames.set(name, (frames.get(name) ?? 0) + time);
  packages.set(where(callFrame), (packages.get(where(callFrame)) ?? 0) + time);
}
const pct = (t) => `${((t / total) * 100).toFixed(1)}%`;
const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, t]) => `| ${pct(t)} | ${name} |`).join('\n');
console.log(`self time, ${(total / 1e6).toFixed(1)} s sampled\n\n| self | frame |\n| --- | --- |\n${top(frames, Number(countArg ?? 20))}`);
console.log(`\n| self | package |\n| --- | --- |\n${top(packages, 15)}`);
