#!/usr/bin/env bash
# Run once by the postgis image at the database's first start, for docker-compose.yml's `replica` profile: with
# REPLICATION_PASSWORD set, a role that may only stream WAL, and pg_hba.conf's line for its replication connections
# (the image's own `host all all all` line does not cover replication). Unset: nothing.
set -euo pipefail
[ -n "${REPLICATION_PASSWORD:-}" ] || exit 0
psql -v ON_ERROR_STOP=1 -v pw="$REPLICATION_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE replicator LOGIN REPLICATION PASSWORD :'pw';
SQL
echo 'host replication replicator all scram-sha-256' >> "$PGDATA/pg_hba.conf"
