#!/usr/bin/env bash
# Brings the whole platform up on a fresh Debian/Ubuntu machine with Node >= 20:
# infrastructure, dependencies, database, demo data, all eight services. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/dev/prepare.sh
exec npm start -- "$@"
