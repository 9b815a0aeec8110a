#!/usr/bin/env bash
# npm test: provision, build, lint, migrate a throw-away database, run every test (unit, e2e, browser),
# print each suite's time and one closing line "tests: N passed, N failed" (CI reads that line).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

summarised=false
# A failure before Jest (provisioning, build, lint) still ends with the line CI reads.
trap '$summarised || echo "tests: 0 passed, 1 failed"' EXIT
source scripts/services.sh --chromium

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
step "build"; bash scripts/build.sh
# SKIP_LINT=1 for quick iterations on one suite; CI always lints.
if [ "${SKIP_LINT:-}" = 1 ] && [ -z "${CI:-}" ]; then echo "lint skipped (SKIP_LINT=1)"; else step "lint"; bash scripts/lint.sh; fi

db="childcare_test_$$"
base_url="${DATABASE_URL:-$DATABASE_ADMIN_URL}"
# Migrations (and suites that need DDL) as the owner; the API, the worker and the suites' own connections as the
# application's role, as in production.
export DATABASE_OWNER_URL="${base_url%/*}/$db"
export DATABASE_URL="$(app_url "$base_url" "$db")"
admin_url="${base_url%/*}/postgres"
cleanup() {
  psql "$admin_url" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "${AUDIT_CHECKPOINT_DIR:-/nonexistent}"
  $summarised || echo "tests: 0 passed, 1 failed"
}
trap cleanup EXIT
step "database $db"
psql "$admin_url" -qc "CREATE DATABASE $db" >/dev/null

export APP_ENV=test LOG_LEVEL="${LOG_LEVEL:-warn}" QUEUE_PREFIX="test$$"
# API processes the suites stop exit at once; the shutdown suite sets its own drain.
export SHUTDOWN_DRAIN_SECONDS=0
hex32() { node -e 'console.log(require("crypto").randomBytes(32).toString("hex"))'; }
export JWT_SECRET="$(hex32)" ID_ENCRYPTION_KEY="$(hex32)" ID_BLIND_INDEX_KEY="$(hex32)" AUDIT_HMAC_KEY="$(hex32)"
export AUDIT_CHECKPOINT_DIR="$(mktemp -d /tmp/childcare-audit-checkpoints-XXXXXX)"
# Limits are configuration: raised here, and the throttling tests set the defaults themselves.
export PUBLIC_RATE_LIMIT_PER_MINUTE=1000000 PUBLIC_WRITE_RATE_LIMIT_PER_MINUTE=1000000 LOGIN_MAX_FAILURES=1000000
export LOGIN_ACCOUNT_MAX_FAILURES=1000000 REGISTER_RATE_LIMIT_PER_HOUR=1000000
# Suites start and stop workers all the time: recover what a stopped worker left behind within seconds.
export OUTBOX_RESEND_AFTER_MS=3000 WORKER_LOCK_DURATION_MS=4000 WORKER_STALLED_INTERVAL_MS=2000
node dist/scripts/migrate.js
node dist/scripts/import-regions.js
# Entities and migrations must agree: TypeORM finds nothing to generate against the migrated schema.
node --import tsx ./node_modules/typeorm/cli.js migration:generate --check -d migrations/data-source.ts migrations/Check

step "jest"
mkdir -p test/artifacts
set +e
NODE_OPTIONS="--experimental-vm-modules --no-warnings" node node_modules/jest/bin/jest.js --json --outputFile=test/artifacts/jest-results.json --forceExit "$@"
jest_rc=$?
set -e

set +e
node scripts/test-summary.mjs test/artifacts/jest-results.json "$started"
summary_rc=$?
set -e
summarised=true
[ "$jest_rc" = 0 ] && [ "$summary_rc" = 0 ]
