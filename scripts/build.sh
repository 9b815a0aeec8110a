#!/usr/bin/env bash
# Compiles the server (apps, libs, migrations, scripts → dist/) and the web app (→ dist/web).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist/apps dist/libs dist/migrations dist/scripts
node node_modules/typescript/bin/tsc -p tsconfig.build.json
node node_modules/tsc-alias/dist/bin/index.js -p tsconfig.build.json
node node_modules/vite/bin/vite.js build --config apps/web/vite.config.ts --logLevel warn
