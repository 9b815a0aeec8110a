#!/usr/bin/env bash
# npm run demo: provision, build, migrate, seed the Changchun demo, and serve API + worker + web
# on http://localhost:3000 (PORT to change). Idempotent: a second run reuses the database and the
# generated secrets and passwords in .demo/ (delete .demo/ and the database childcare_demo to start over).
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/services.sh
bash scripts/build.sh

mkdir -p .demo && chmod 700 .demo
secrets=.demo/secrets.env
# Generated once per machine; a secret added by a later version is appended, the others are kept.
node -e '
  const fs = require("fs"), crypto = require("crypto");
  const file = process.argv[1];
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  const want = {
    JWT_SECRET: () => crypto.randomBytes(48).toString("base64url"),
    ADMIN_PASSWORD: () => crypto.randomBytes(12).toString("base64url"),
    ID_ENCRYPTION_KEY: () => crypto.randomBytes(32).toString("hex"),
    ID_BLIND_INDEX_KEY: () => crypto.randomBytes(32).toString("hex"),
    AUDIT_HMAC_KEY: () => crypto.randomBytes(32).toString("hex"),
  };
  const missing = Object.keys(want).filter((k) => !new RegExp(`^${k}=`, "m").test(text));
  if (missing.length) fs.writeFileSync(file, text + missing.map((k) => `${k}=${want[k]()}\n`).join(""), { mode: 0o600 });' "$secrets"
set -a; source "$secrets"; set +a

base_url="${DATABASE_URL:-$DATABASE_ADMIN_URL}"
# The owner migrates; the API and the worker connect as the application's role (docs/security.md).
export DATABASE_OWNER_URL="${DEMO_DATABASE_URL:-${base_url%/*}/childcare_demo}"
db="${DATABASE_OWNER_URL##*/}"
export DATABASE_URL="$(app_url "$DATABASE_OWNER_URL" "$db")"
if [ "$(psql "${base_url%/*}/postgres" -Atqc "select count(*) from pg_database where datname = '$db'")" = 0 ]; then
  psql "${base_url%/*}/postgres" -qc "CREATE DATABASE $db" >/dev/null
fi
export APP_ENV=demo PORT="${PORT:-3000}" LOG_LEVEL="${LOG_LEVEL:-warn}"
# The default basemap for China (AMap street tiles, GCJ-02), used whenever the machine is online; offline the map
# says the tiles cannot load and labels units and places itself. MAP_TILE_URL= (empty) for no tiles at all.
amap_tiles='https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}'
export MAP_TILE_URL="${MAP_TILE_URL-$amap_tiles}"
export MAP_TILE_SUBDOMAINS="${MAP_TILE_SUBDOMAINS:-1234}" MAP_TILE_CRS="${MAP_TILE_CRS:-gcj02}"
amap_attribution='© 高德地图 AutoNavi'
export MAP_TILE_ATTRIBUTION="${MAP_TILE_ATTRIBUTION-$amap_attribution}"
export AUDIT_CHECKPOINT_DIR="${AUDIT_CHECKPOINT_DIR:-$PWD/.demo/audit-checkpoints}"

node dist/scripts/migrate.js
node dist/scripts/import-regions.js
node dist/scripts/seed.js --accounts .demo/accounts.json
node dist/scripts/seed-demo.js

pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT INT TERM
node dist/apps/worker/src/main.js &
pids+=($!)
node dist/apps/api/src/main.js &
pids+=($!)

for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 0.5
done
node -e '
  const fs = require("fs");
  const accounts = JSON.parse(fs.readFileSync(".demo/accounts.json", "utf8"));
  const rows = [{ username: "admin", password: process.env.ADMIN_PASSWORD, role: "admin" }, ...accounts];
  console.log(`\n  托育机构登记备案与监管系统 · demo running at http://localhost:${process.env.PORT}`);
  console.log(`  API docs: http://localhost:${process.env.PORT}/api/docs\n`);
  console.log("  Accounts (passwords kept in .demo/):");
  for (const a of rows) console.log(`    ${a.username.padEnd(18)} ${a.password.padEnd(18)} ${a.role}${a.agency ? " · " + a.agency : ""}${a.regionCode ? " · " + a.regionCode : ""}`);
  console.log("\n  Ctrl-C stops API and worker.\n");'
wait -n "${pids[@]}"
