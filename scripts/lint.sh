#!/usr/bin/env bash
# ESLint, Prettier, the dependency rules (dependency-cruiser: no cycles, libs in one direction), the web app's
# generated API types (apps/web/src/api/contract.gen.ts) against the OpenAPI document, and table ownership
# (scripts/check-table-owners.ts: a table is named in SQL only by the libraries scripts/table-owners.ts allows).
set -euo pipefail
cd "$(dirname "$0")/.."
node_modules/.bin/tsc -p tsconfig.json --noEmit
node_modules/.bin/tsc -p apps/web/tsconfig.json --noEmit
node_modules/.bin/tsc -p apps/web/tsconfig.node.json --noEmit
node_modules/.bin/eslint --max-warnings 0 .
node_modules/.bin/prettier --check --log-level warn .
node_modules/.bin/depcruise --config .dependency-cruiser.cjs --output-type err apps libs migrations scripts test
node --import ./scripts/contract/swc-register.mjs scripts/contract/generate.ts --check
node --import tsx scripts/check-table-owners.ts
