#!/bin/sh
# One image, every role: the first argument (or $APP) names what this container runs.
#   gateway | stt-worker | llm-worker | tts-worker | billing | dialer | webhooks | rest-api
#   migrate        apply every Prisma slice's migrations
#   migrate-seed   migrate, then write the demo organization, user, agent and keys
# Anything else runs as a plain command. `exec` keeps the service as PID 1, so it receives SIGTERM.
set -eu
role="${1:-${APP:-}}"
[ "$#" -gt 0 ] && shift

case "$role" in
  gateway|stt-worker|llm-worker|tts-worker|billing|dialer|webhooks|rest-api)
    exec node -r @swc-node/register "apps/$role/src/main.ts" "$@" ;;
  migrate)
    exec node tools/db/migrate.mjs deploy ;;
  migrate-seed)
    node tools/db/migrate.mjs deploy
    exec npm run --silent seed ;;
  "")
    echo "Set APP or pass a role: gateway, stt-worker, llm-worker, tts-worker, billing, dialer, webhooks, rest-api, migrate, migrate-seed" >&2
    exit 64 ;;
  *)
    exec "$role" "$@" ;;
esac
