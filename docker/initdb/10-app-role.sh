#!/usr/bin/env bash
# Run once by the postgis image at the database's first start: the application's role, which owns nothing
# (migrations, run as the owner, grant it rows of every table; see scripts/migrate.ts and docs/security.md).
set -euo pipefail
psql -v ON_ERROR_STOP=1 -v pw="$APP_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE childcare_app LOGIN PASSWORD :'pw' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
-- What the app otherwise sends as startup options (DATABASE_STARTUP_OPTIONS), which PgBouncer refuses: with the
-- pgbouncer profile the role carries them (docs/deployment.md "PgBouncer"). Startup options, when sent, win.
ALTER ROLE childcare_app SET jit = off;
ALTER ROLE childcare_app SET statement_timeout = '30s';
SQL
