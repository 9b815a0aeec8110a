/**
 * OpenAPI 3.0 document → TypeScript types for the web app (types only, no runtime code): one interface or type per
 * component schema, and `Operations`, keyed `'<METHOD> <path>'`, with each operation's path and query parameters,
 * body and answer. The subset Nest's document uses: $ref, object, array, enum, nullable, oneOf/anyOf/allOf,
 * additionalProperties.
 */
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}

interface Operation {
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

export interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name: string) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

function comment(text: string | undefined): string {
  if (!text) return '';
  return `/** ${text.replace(/\*\//g, '*\\/').replace(/\n/g, ' ')} */\n`;
}

function union(types: string[]): string {
  const unique = [...new Set(types)];
  return unique.length === 1 ? unique[0]! : unique.map((t) => (t.includes('=>') ? `(${t})` : t)).join(' | ');
}

function array(item: string): string {
  return /^[A-Za-z0-9_.]+$/.test(item) ? `${item}[]` : `(${item})[]`;
}

/** The TypeScript type of a schema. */
export function typeOf(schema: Schema | undefined): string {
  if (!schema) return 'unknown';
  let type: string;
  if (schema.$ref) type = schema.$ref.replace('#/components/schemas/', '');
  else if (schema.enum) type = union(schema.enum.map((v) => JSON.stringify(v)));
  else if (schema.oneOf || schema.anyOf) type = union((schema.oneOf ?? schema.anyOf)!.map(typeOf));
  else if (schema.allOf) type = schema.allOf.length === 1 ? typeOf(schema.allOf[0]) : schema.allOf.map(typeOf).join(' & ');
  else if (schema.type === 'array') type = array(typeOf(schema.items));
  else if (schema.type === 'string') type = 'string';
  else if (schema.type === 'integer' || schema.type === 'number') type = 'number';
  else if (schema.type === 'boolean') type = 'boolean';
  else if (schema.properties) type = objectType(schema);
  else if (schema.additionalProperties && schema.additionalProperties !== true)
    type = `Record<string, ${typeOf(schema.additionalProperties)}>`;
  else if (schema.type === 'object' || schema.additionalProperties === true) type = 'Record<string, unknown>';
  else type = 'unknown';
  return schema.nullable && type !== 'unknown' ? union([...type.split(' | '), 'null']) : type;
}

function objectType(schema: Schema): string {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(
    ([name, property]) => `${comment(property.description)}${key(name)}${required.has(name) ? '' : '?'}: ${typeOf(property)};`,
  );
  if (schema.additionalProperties && schema.additionalProperties !== true)
    fields.push(`[key: string]: ${typeOf(schema.additionalProperties)};`);
  return `{\n${fields.join('\n')}\n}`;
}

function declaration(name: string, schema: Schema): string {
  const isObject = schema.properties && !schema.oneOf && !schema.anyOf && !schema.allOf && !schema.nullable && !schema.enum;
  if (isObject) return `${comment(schema.description)}export interface ${name} ${objectType(schema)}\n`;
  return `${comment(schema.description)}export type ${name} = ${typeOf(schema)};\n`;
}

function parameters(operation: Operation, where: 'path' | 'query'): string {
  const list = (operation.parameters ?? []).filter((p) => p.in === where);
  if (list.length === 0) return 'never';
  return `{\n${list.map((p) => `${comment(p.description)}${key(p.name)}${p.required ? '' : '?'}: ${typeOf(p.schema)};`).join('\n')}\n}`;
}

/** The answer of the first 2xx status: JSON when there is JSON, else the first media type's; 204 and no content: void. */
function answer(operation: Operation): string {
  const [status, response] = Object.entries(operation.responses).find(([status]) => /^2/.test(status)) ?? [];
  if (!status || status === '204' || !response?.content) return 'void';
  const content = response.content;
  const json = Object.keys(content).find((type) => /json/.test(type));
  return typeOf(content[json ?? Object.keys(content)[0]!]?.schema);
}

function body(operation: Operation): string {
  const content = operation.requestBody?.content;
  if (!content) return 'never';
  return typeOf(Object.values(content)[0]?.schema);
}

export function contractTypes(document: Document): string {
  const out: string[] = [
    "// Generated by `npm run contract` from the API's OpenAPI document (scripts/contract/generate.ts): do not edit.\n" +
      '// `npm run lint` fails when this file differs from what the API publishes.\n',
  ];
  const schemas = document.components?.schemas ?? {};
  for (const name of Object.keys(schemas).sort()) out.push(declaration(name, schemas[name]!));

  const operations: string[] = [];
  for (const path of Object.keys(document.paths).sort()) {
    for (const method of METHODS) {
      const operation = document.paths[path]![method];
      if (!operation) continue;
      operations.push(
        `${comment(operation.summary)}${JSON.stringify(`${method.toUpperCase()} ${path}`)}: {\n` +
          `path: ${parameters(operation, 'path')};\nquery: ${parameters(operation, 'query')};\n` +
          `body: ${body(operation)};\nresponse: ${answer(operation)};\n}`,
      );
    }
  }
  out.push(`/** Every operation, keyed \`'<METHOD> <path>'\`. */\nexport interface Operations {\n${operations.join('\n')}\n}\n`);
  out.push(
    'export type OperationKey = keyof Operations;\n' +
      '/** The answer of an operation. */\n' +
      "export type ResponseOf<K extends OperationKey> = Operations[K]['response'];\n" +
      '/** The body an operation takes. */\n' +
      "export type BodyOf<K extends OperationKey> = Operations[K]['body'];\n" +
      '/** The query parameters an operation takes. */\n' +
      "export type QueryOf<K extends OperationKey> = Operations[K]['query'];\n",
  );
  return out.join('\n');
}

export const CONTRACT_FILE = fileURLToPath(new URL('../../apps/web/src/api/contract.gen.ts', import.meta.url));

/** The file's text, formatted as Prettier formats the repository. */
export async function contractFile(document: Document): Promise<string> {
  const options = (await prettier.resolveConfig(CONTRACT_FILE)) ?? {};
  return prettier.format(contractTypes(document), { ...options, filepath: CONTRACT_FILE });
}
