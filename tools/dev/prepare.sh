#!/usr/bin/env bash
# Makes this clone runnable on a Debian/Ubuntu machine: Node version, infrastructure and speech
# engines, npm dependencies (when missing or older than the lockfile), generated Prisma clients.
# Shared by up.sh, test.sh and .ci/run; safe to run again. --tests: also what only the tests use.
set -euo pipefail
cd "$(dirname "$0")/../.."

command -v node >/dev/null || { echo "Node is not installed: Parley needs Node >= 20 (https://nodejs.org)." >&2; exit 1; }
node tools/dev/lib/node-version.mjs

bash tools/dev/infra.sh "$@"

# npm records each install in node_modules/.package-lock.json; a lockfile newer than that record
# (a pull that changed dependencies) means a stale tree. package.json alone is not compared: editing
# a script there changes nothing installed. `npm ci` cannot be used: the lockfile made here lacks
# other platforms' optional packages.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi

node tools/dev/lib/prisma-clients.mjs
