#!/usr/bin/env node
// The weapp main package (everything in dist/weapp outside the subpackage roots) must stay within the
// product budget. Prints its size; exits 1 over the budget. Run after `taro build --type weapp`
// (`npm run build:weapp` does).
const fs = require('node:fs')
const path = require('node:path')

const LIMIT_BYTES = 500_000
const distDir = path.resolve(__dirname, '..', 'dist', 'weapp')

function subpackageRoots() {
  const app = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8'))
  return (app.subPackages || app.subpackages || []).map((sub) => sub.root.replace(/\/+$/, ''))
}

function bytesUnder(dir, skip) {
  let total = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (skip.has(path.relative(distDir, full))) continue
    total += entry.isDirectory() ? bytesUnder(full, skip) : fs.statSync(full).size
  }
  return total
}

if (!fs.existsSync(path.join(distDir, 'app.json'))) {
  console.error(`No weapp build in ${distDir}: run \`npm run build:weapp\` first.`)
  process.exit(1)
}
const roots = subpackageRoots()
const size = bytesUnder(distDir, new Set(roots))
const verdict = size <= LIMIT_BYTES ? 'within' : 'OVER'
console.log(`weapp main package: ${size.toLocaleString('en')} B (${verdict} the ${LIMIT_BYTES.toLocaleString('en')} B budget; subpackages ${roots.join(', ')} not counted)`)
process.exit(size <= LIMIT_BYTES ? 0 : 1)
