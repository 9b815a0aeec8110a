/**
 * The web app's API types (apps/web/src/api/contract.gen.ts), generated from the API's OpenAPI document, which is
 * built in-process and offline: no server, database, Redis or configuration needed.
 *
 *   npm run contract               writes the file
 *   npm run contract -- --check    fails when the committed file differs (`npm run lint` runs it)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { previewOpenApiDocument } from '../../apps/api/src/openapi.js';
import { CONTRACT_FILE, contractFile, type Document } from './typescript.js';

const text = await contractFile((await previewOpenApiDocument()) as unknown as Document);
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(CONTRACT_FILE, 'utf8');
  } catch {
    // missing: it differs
  }
  if (committed !== text) {
    console.error(
      'apps/web/src/api/contract.gen.ts differs from the OpenAPI document the API publishes.\n' +
        'Regenerate it with `npm run contract` and commit it (docs/development.md, "The API contract").',
    );
    process.exit(1);
  }
  console.log('contract.gen.ts matches the OpenAPI document');
} else {
  writeFileSync(CONTRACT_FILE, text);
  console.log(`wrote ${CONTRACT_FILE}`);
}
