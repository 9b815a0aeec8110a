#!/usr/bin/env bash
# Run once by the postgis image at the database's first start: the application's role, which owns nothing
# (migrations, run as the owner, grant it rows of every table; see scripts/migrate.ts and docs/security.md).
set -euo pipefail
psql -v ON_ERROR_STOP=1 -v pw="$APP_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE childcare_app LOGIN PASSWORD :'pw' NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
SQL
