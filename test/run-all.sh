#!/usr/bin/env bash
# `npm test`: builds what the tests drive, then runs every suite against the real thing:
#   1. server suite on MariaDB (127.0.0.1:3306, root; TEST_MYSQL_URL overrides), each file its own database
#   2. the same suite on the embedded SQLite database (TEST_DB=sqlite)
#   3. the H5 build in Debian's Chromium against the started server
# It first sets up what the machine lacks (Chromium, the CJK font, MariaDB): test/prepare-machine.sh.
# QY_SKIP_BUILD=1 skips the build when you have just built.
set -uo pipefail
cd "$(dirname "$0")/.."
bash test/prepare-machine.sh || exit 1
artifacts=test/.artifacts
mkdir -p "$artifacts"
rm -f "$artifacts"/*.json

if [ "${QY_SKIP_BUILD:-}" != "1" ]; then
  npm run --silent build >"$artifacts/build.log" 2>&1 || { cat "$artifacts/build.log"; echo "build failed"; exit 1; }
fi
npm run --silent typecheck || { echo "typecheck failed"; exit 1; }

status=0
suite() { # name, database, jest project, test files at once (a share of the cores)
  echo "── $1"
  TEST_DB=$2 npx jest --config test/jest.config.js --selectProjects "$3" --maxWorkers="$4" --json --outputFile="$artifacts/$1.json" || status=1
}
# Half the cores where files start second server processes and race on MariaDB, and for Chromium (one
# file at a time on CI's 2 cores); all of them for the SQLite run, which has neither (150 s → 92 s there).
suite server-mysql mysql server 50%
suite server-sqlite sqlite server 100%
suite e2e-chromium sqlite e2e 50%

node -e '
  const fs = require("fs");
  let passed = 0, failed = 0, skipped = 0;
  for (const f of fs.readdirSync(process.argv[1]).filter((f) => f.endsWith(".json"))) {
    const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + f, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0); skipped += r.numPendingTests;
    console.log(`${f.replace(".json", "")}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  }
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$artifacts"
exit $status
