#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian/Ubuntu machine with Node >= 20; the last line is
# `N passed, N failed`. Arguments go to Jest (`bash tools/dev/test.sh libs/audio`).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tools/dev/prepare.sh --tests
exec npm test -- "$@"
