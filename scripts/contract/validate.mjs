// Validates an OpenAPI document read from standard input with @apidevtools/swagger-parser (schema and references);
// exits 1 with the reason when it is not valid. A child process, because Jest's ESM mode cannot load the parser
// (a CommonJS package that requires an ES module). Used by test/e2e/openapi.e2e-spec.ts.
import SwaggerParser from '@apidevtools/swagger-parser';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
try {
  await SwaggerParser.validate(JSON.parse(Buffer.concat(chunks).toString('utf8')));
  console.log('valid');
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
