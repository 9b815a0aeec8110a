#!/usr/bin/env bash
# Provisions what the project needs on this machine, only what is missing (idempotent):
#   npm dependencies, PostgreSQL 15 + PostGIS 3, Redis 7, PgBouncer, and (with --chromium) Debian's Chromium.
# Skips PostgreSQL / Redis provisioning when DATABASE_URL / REDIS_URL point at servers that answer.
# Source it or run it; it exports DATABASE_ADMIN_URL and REDIS_URL for the caller.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

want_chromium=false
for a in "$@"; do [ "$a" = "--chromium" ] && want_chromium=true; done

log() { printf '\033[1m[services]\033[0m %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=false
apt_install() {
  if ! $apt_updated; then as_root apt-get update -qq; apt_updated=true; fi
  log "installing $* (apt)"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# --- npm dependencies -------------------------------------------------------
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# --- PostgreSQL + PostGIS ---------------------------------------------------
export DATABASE_ADMIN_URL="${DATABASE_ADMIN_URL:-postgres://postgres:postgres@127.0.0.1:5432/postgres}"
pg_answers() { psql "$1" -Atqc 'select 1' >/dev/null 2>&1; }

if [ -n "${DATABASE_URL:-}" ] && pg_answers "$DATABASE_URL"; then
  log "PostgreSQL: using DATABASE_URL as given"
else
  command -v pg_ctlcluster >/dev/null || apt_install postgresql
  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    ver=$(ls /etc/postgresql | sort -n | tail -1)
    log "starting PostgreSQL $ver"
    as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
  fi
  if ! pg_answers "$DATABASE_ADMIN_URL"; then
    # Stock Debian uses password auth over TCP: give the postgres role the password in the URL.
    log "setting the postgres role's password for TCP logins"
    as_root runuser -u postgres -- psql -qc "ALTER ROLE postgres PASSWORD 'postgres'" >/dev/null
  fi
  pg_answers "$DATABASE_ADMIN_URL" || { echo "PostgreSQL does not answer at $DATABASE_ADMIN_URL" >&2; exit 1; }
  if [ "$(psql "$DATABASE_ADMIN_URL" -Atqc "select count(*) from pg_available_extensions where name = 'postgis'")" = 0 ]; then
    major=$(psql "$DATABASE_ADMIN_URL" -Atqc 'show server_version_num' | cut -c1-2)
    apt_install "postgresql-${major}-postgis-3"
  fi
fi

# --- The application's role ----------------------------------------------------
# The API and the worker connect as a role that owns nothing and cannot switch triggers off; migrations run as the
# owner (docs/security.md). Created once per cluster; exported for test.sh and demo.sh.
export DATABASE_APP_USER="${DATABASE_APP_USER:-childcare_app}" DATABASE_APP_PASSWORD="${DATABASE_APP_PASSWORD:-childcare_app}"
if pg_answers "$DATABASE_ADMIN_URL"; then
  psql "$DATABASE_ADMIN_URL" -v ON_ERROR_STOP=1 -qc "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DATABASE_APP_USER') THEN
        CREATE ROLE \"$DATABASE_APP_USER\" LOGIN PASSWORD '$DATABASE_APP_PASSWORD' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- another provisioning created it meanwhile
    END \$\$" >/dev/null
else
  log "no administrator connection: the application role $DATABASE_APP_USER is not provisioned here"
fi
# A URL like $1 (an owner's) for the application's role: app_url BASE_URL DATABASE.
app_url() { node -e '
  const u = new URL(process.argv[1]); u.username = encodeURIComponent(process.argv[2]); u.password = encodeURIComponent(process.argv[3]);
  u.pathname = "/" + process.argv[4]; console.log(u.href);' "$1" "$DATABASE_APP_USER" "$DATABASE_APP_PASSWORD" "$2"; }

# --- Redis --------------------------------------------------------------------
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
redis_answers() { node -e '
  const u = new URL(process.argv[1]); const s = require("net").connect(+u.port || 6379, u.hostname);
  s.setTimeout(1500, () => process.exit(1)); s.on("error", () => process.exit(1));
  s.on("connect", () => s.write("PING\r\n")); s.on("data", d => process.exit(/PONG|NOAUTH/.test(String(d)) ? 0 : 1));' "$1"; }
if redis_answers "$REDIS_URL"; then
  log "Redis answers at $REDIS_URL"
else
  command -v redis-server >/dev/null || apt_install redis-server
  log "starting Redis"
  mkdir -p /var/lib/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  for _ in $(seq 1 20); do redis_answers "$REDIS_URL" && break; sleep 0.25; done
  redis_answers "$REDIS_URL" || { echo "Redis does not answer at $REDIS_URL" >&2; exit 1; }
fi

# --- PgBouncer (test/e2e/pgbouncer.e2e-spec.ts: the API through a transaction pooler) -------------------------
# Only the program: the suite runs a pgbouncer of its own, with its own configuration and port.
[ -x /usr/sbin/pgbouncer ] || command -v pgbouncer >/dev/null || apt_install pgbouncer

# --- Chromium (browser tests) -------------------------------------------------
if $want_chromium; then
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [ -x "$CHROMIUM_PATH" ] || apt_install chromium
  # Chinese text in screenshots needs a CJK font (users’ browsers bring their own).
  fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || apt_install fonts-wqy-microhei
fi
log "ready"
