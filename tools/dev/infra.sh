#!/usr/bin/env bash
# Brings up the infrastructure Parley needs on a Debian/Ubuntu machine: PostgreSQL 5432 (user postgres,
# trust on loopback), Redis 6379 and NATS 4222 with JetStream, plus the speech engines the workers use.
# Idempotent: a service whose port answers is left alone; a missing package is installed once.
# Prints one line per service. Needs root (or sudo) only when something must be installed or started.
# With --tests, also what only the tests use: a python3 with requests (reference 002's Python example).
set -euo pipefail

readonly SPEECH_PACKAGES=(libpocketsphinx3 pocketsphinx-en-us flite libflite1 espeak-ng sox)
readonly WAIT_SECONDS=30
readonly HBA_MARK='# parley: loopback trust for the dev database (tools/dev/infra.sh)'
APT_UPDATED=false

say() { printf '%-12s %s\n' "$1" "$2"; }
fail() { printf 'infra: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else fail "needs root to run: $* (run this script as root, or install sudo)"
  fi
}

port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

wait_port() { # name port
  local deadline=$((SECONDS + WAIT_SECONDS))
  until port_open "$2"; do
    [ "$SECONDS" -lt "$deadline" ] || fail "$1 did not answer on 127.0.0.1:$2 within ${WAIT_SECONDS}s"
    sleep 0.3
  done
}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }

apt_install() { # packages...
  command -v apt-get >/dev/null || fail "missing packages ($*) and no apt-get: install them by hand"
  if [ "$APT_UPDATED" = false ]; then
    as_root apt-get update -qq
    APT_UPDATED=true
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

pg_version() { ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1; }

# A fresh Debian cluster allows only peer auth on the socket and passwords on TCP, while every Parley
# default URL is postgresql://postgres@127.0.0.1 without a password: trust loopback for user postgres.
pg_trust_loopback() {
  local hba="/etc/postgresql/$(pg_version)/main/pg_hba.conf"
  as_root grep -qF "$HBA_MARK" "$hba" && return
  as_root sed -i "1i $HBA_MARK\nhost all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust" "$hba"
}

pg_accepts_postgres() { PGCONNECT_TIMEOUT=3 psql -h 127.0.0.1 -U postgres -w -d postgres -Atqc 'select 1' >/dev/null 2>&1; }

postgres_up() {
  if port_open 5432; then
    say postgresql "already running on 127.0.0.1:5432"
  else
    postgres_install_and_start
    say postgresql "started on 127.0.0.1:5432"
  fi
  # Only the default, password-less URL needs trust; a DATABASE_URL of one's own carries its password.
  [ -z "${DATABASE_URL:-}" ] && command -v psql >/dev/null || return 0
  pg_accepts_postgres || fail "PostgreSQL on 127.0.0.1:5432 refuses user postgres without a password. Add
  host all postgres 127.0.0.1/32 trust
at the top of its pg_hba.conf and reload it, or set DATABASE_URL with a password."
}

postgres_install_and_start() {
  local fresh=false
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    apt_install postgresql
    fresh=true
  fi
  [ -d "/etc/postgresql/$(pg_version)/main" ] \
    || as_root pg_createcluster "$(ls /usr/lib/postgresql | sort -V | tail -n 1)" main >/dev/null
  [ "$fresh" = false ] || pg_trust_loopback
  # On a systemd machine the package has already started the cluster, before pg_hba.conf was changed.
  if port_open 5432; then
    as_root pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main reload
  else
    as_root pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main start
  fi
  wait_port postgresql 5432
}

redis_up() {
  if port_open 6379; then say redis "already running on 127.0.0.1:6379"; return; fi
  command -v redis-server >/dev/null || apt_install redis-server
  # On a systemd machine the package starts its own server; otherwise start one like CI does.
  if ! port_open 6379; then
    as_root mkdir -p /var/lib/redis /var/log/redis
    as_root redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log >/dev/null
  fi
  wait_port redis 6379
  say redis "started on 127.0.0.1:6379"
}

nats_info() { timeout 2 bash -c 'exec 3<>/dev/tcp/127.0.0.1/4222; IFS= read -r -t 1 line <&3; echo "$line"' 2>/dev/null; }

nats_up() {
  if port_open 4222; then
    say nats "already running on 127.0.0.1:4222"
  else
    nats_install
    as_root mkdir -p /var/lib/nats-server
    as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
      -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log
    wait_port nats 4222
    say nats "started on 127.0.0.1:4222 with JetStream"
  fi
  nats_info | grep -q '"jetstream":true' || fail "NATS on 127.0.0.1:4222 runs without JetStream. Stop it
  (systemctl disable --now nats-server) and run this script again, or enable JetStream in its config."
}

# The Debian package's systemd unit runs NATS without JetStream, which the durable events need:
# when this script installed it, replace that unit's server with one started like CI's.
nats_install() {
  [ -x /usr/sbin/nats-server ] && return
  apt_install nats-server
  if command -v systemctl >/dev/null && systemctl is-active --quiet nats-server 2>/dev/null; then
    as_root systemctl disable --now --quiet nats-server
  fi
}

speech_up() {
  local missing=() package
  for package in "${SPEECH_PACKAGES[@]}"; do installed "$package" || missing+=("$package"); done
  if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}"
    say speech "installed ${missing[*]}"
  else
    say speech "engines installed (pocketsphinx, flite, espeak-ng, sox)"
  fi
}

# The tests run reference 002's Python example as printed, which imports requests.
test_tools_up() {
  local python
  for python in python3 /usr/bin/python3; do
    if "$python" -c 'import requests' 2>/dev/null; then say test-tools "python3 with requests ($python)"; return; fi
  done
  apt_install python3 python3-requests
  say test-tools "installed python3-requests"
}

postgres_up
redis_up
nats_up
speech_up
if [ "${1:-}" = --tests ]; then test_tools_up; fi
