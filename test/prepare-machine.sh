#!/usr/bin/env bash
# What the test suites need from the machine, set up when missing (called by `npm test` and by CI):
#   - Debian's Chromium and a CJK font (the browser suite; Chinese copy in screenshots),
#     installed with apt-get when running as root, otherwise a clear message;
#   - MariaDB on 127.0.0.1:3306 (the server suite), started when it is installed but down.
# TEST_MYSQL_URL pointing elsewhere skips the MariaDB step; CHROMIUM_PATH skips the Chromium step.
set -uo pipefail

fail() { echo "npm test: $*" >&2; exit 1; }
as_root() { [ "$(id -u)" = "0" ]; }

if [ -z "${CHROMIUM_PATH:-}" ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  fc-list 2>/dev/null | grep -qi 'wqy' || missing+=(fonts-wqy-microhei)
  if [ ${#missing[@]} -gt 0 ]; then
    as_root || fail "the browser suite needs Debian's ${missing[*]}: run \`sudo apt-get install -y ${missing[*]}\` (or set CHROMIUM_PATH)"
    echo "── installing ${missing[*]} (Debian packages)"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null; } || fail "apt-get could not install ${missing[*]}"
  fi
fi

if [ -z "${TEST_MYSQL_URL:-}" ]; then
  ping_mariadb() { mysqladmin --protocol=tcp -h127.0.0.1 -uroot ping >/dev/null 2>&1; }
  if ! ping_mariadb; then
    [ -x /usr/sbin/mariadbd ] || fail "the server suite needs MariaDB (or MySQL) on 127.0.0.1:3306 with user root: install mariadb-server, or set TEST_MYSQL_URL=mysql://user:pass@host:port"
    as_root || fail "MariaDB on 127.0.0.1:3306 is down: start it (\`sudo start-stop-daemon --start --background --exec /usr/sbin/mariadbd\`) or set TEST_MYSQL_URL"
    echo "── starting MariaDB"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
    for _ in $(seq 1 60); do ping_mariadb && break; sleep 1; done
    ping_mariadb || fail "MariaDB did not come up on 127.0.0.1:3306 within 60 s"
  fi
fi
