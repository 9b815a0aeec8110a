/**
 * The table ownership check run by `npm run lint` (docs/architecture.md "Table ownership"): a table named in SQL
 * (string literals and template literals) or used through its entity class outside the libraries
 * scripts/table-owners.ts allows is refused, and so is a table created by a migration but not registered there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { NOT_YET_OWNED, TABLE_OWNERS, type TableRule } from './table-owners.js';

/** One place a file names a table. */
export interface TableUse {
  table: string;
  line: number;
  write: boolean;
  /** How: `sql` (named in a query string) or `entity` (its entity class imported). */
  via: 'sql' | 'entity';
}

const SQL_REFERENCE =
  /\b(DELETE\s+FROM|INSERT\s+INTO|UPDATE|TRUNCATE(?:\s+TABLE)?|ALTER\s+TABLE|FROM|JOIN|INTO)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/gi;
const WRITE_KEYWORD = /^(DELETE|INSERT|UPDATE|TRUNCATE|ALTER)/i;

/** The text pieces of every string and template literal in a TypeScript source, with their line numbers. */
function literals(source: ts.SourceFile): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node)) {
      out.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The tables named in SQL in `code` (only names in `tables` count). */
export function sqlUses(code: string, tables: ReadonlySet<string>, fileName = 'file.ts'): TableUse[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const uses: TableUse[] = [];
  for (const literal of literals(source)) {
    for (const m of literal.text.matchAll(SQL_REFERENCE)) {
      const table = m[2].toLowerCase();
      if (!tables.has(table)) continue;
      const line = literal.line + literal.text.slice(0, m.index).split('\n').length - 1;
      uses.push({ table, line, write: WRITE_KEYWORD.test(m[1]), via: 'sql' });
    }
  }
  return uses;
}

/** Entity classes declared in `code` with `@Entity('table')`: class name → table. */
export function declaredEntities(code: string, fileName = 'file.ts'): Map<string, string> {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out = new Map<string, string>();
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    for (const decorator of ts.getDecorators(statement) ?? []) {
      const call = decorator.expression;
      if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'Entity') continue;
      const [arg] = call.arguments;
      if (arg && ts.isStringLiteral(arg)) out.set(statement.name.text, arg.text);
    }
  }
  return out;
}

/** Entity classes imported as values (not `import type`) from `@lib/*`: a use of their table that may write it. */
export function entityUses(code: string, entities: ReadonlyMap<string, string>, fileName = 'file.ts'): TableUse[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const uses: TableUse[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      if (element.isTypeOnly) continue;
      const table = entities.get((element.propertyName ?? element.name).text);
      if (!table) continue;
      const line = source.getLineAndCharacterOfPosition(element.getStart(source)).line + 1;
      uses.push({ table, line, write: true, via: 'entity' });
    }
  }
  return uses;
}

/** The library a repository path belongs to (`libs/<name>/…`), or undefined for apps and scripts. */
export function libraryOf(file: string): string | undefined {
  return /^libs\/([^/]+)\//.exec(file)?.[1];
}

/** The file's leading comment, if it declares a read model (`Read model: facilities, classes …`). */
export function readModelDeclaration(code: string): string | undefined {
  const ranges = ts.getLeadingCommentRanges(code, 0) ?? [];
  const text = ranges.map((r) => code.slice(r.pos, r.end)).join('\n');
  return /Read model:/i.test(text) ? text : undefined;
}

/** Why this use is not allowed, or undefined when it is. */
export function refusal(file: string, use: TableUse, rule: TableRule, declaration: string | undefined): string | undefined {
  const lib = libraryOf(file);
  if (lib === rule.owner) return undefined;
  const where = `${file}:${use.line}`;
  const how = use.via === 'sql' ? `names table "${use.table}" in SQL` : `imports the entity class of table "${use.table}"`;
  const owner = `libs/${rule.owner}`;
  const readModels = (rule.readModels ?? []).map((r) => `libs/${r}`);
  if (lib && readModels.includes(`libs/${lib}`) && use.via === 'sql') {
    if (use.write) return `${where} writes table "${use.table}": only ${owner} writes it; call a function ${owner} exports.`;
    if (declaration && new RegExp(`\\b${use.table}\\b`).test(declaration)) return undefined;
    return (
      `${where} ${how}: libs/${lib} is a read model of it, so name it in the file's leading comment ` +
      `("Read model: ${use.table} (owned by ${owner}) …"), or read it through what ${owner} exports.`
    );
  }
  return (
    `${where} ${how}, which is owned by ${owner}. Writes belong in ${owner}; read it through a query function or SQL ` +
    `module ${owner} exports${readModels.length ? ` (read models that may read it directly: ${readModels.join(', ')})` : ''}.`
  );
}

/** Tables created by migrations (`CREATE TABLE name`). */
export function createdTables(code: string): string[] {
  return [...code.matchAll(/CREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([a-z_][a-z0-9_]*)"?/gi)].map((m) =>
    m[1].toLowerCase(),
  );
}

function tsFiles(root: string, dir: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : tsFiles(root, path);
    return /\.tsx?$/.test(e.name) && !/\.(spec|d)\.ts$/.test(e.name) ? [path] : [];
  });
}

/** Every problem in the tree at `root` (empty when the check passes). */
export function check(
  root: string,
  owners: Readonly<Record<string, TableRule>> = TABLE_OWNERS,
  notYetOwned: readonly { file: string; table: string }[] = NOT_YET_OWNED,
): string[] {
  const problems: string[] = [];
  const register = 'Register each table in scripts/table-owners.ts with its owning library (docs/architecture.md "Table ownership").';

  const created = new Set(tsFiles(root, 'migrations').flatMap((f) => createdTables(readFileSync(join(root, f), 'utf8'))));
  for (const table of [...created].sort()) {
    if (!owners[table]) problems.push(`table "${table}" is created by a migration but has no owner. ${register}`);
  }
  for (const [table, rule] of Object.entries(owners)) {
    if (!tsFiles(root, `libs/${rule.owner}`).length) problems.push(`table "${table}": its owner libs/${rule.owner} does not exist.`);
  }

  const files = ['libs', 'apps/api', 'apps/worker', 'scripts'].flatMap((d) => tsFiles(root, d));
  const tables = new Set([...created, ...Object.keys(owners)]);
  const entities = new Map<string, string>();
  for (const file of files.filter((f) => f.startsWith('libs/'))) {
    for (const [name, table] of declaredEntities(readFileSync(join(root, file), 'utf8'), file)) entities.set(name, table);
  }
  for (const [name, table] of entities) {
    if (!owners[table]) problems.push(`entity ${name} maps table "${table}", which has no owner. ${register}`);
  }

  const pending = new Set(notYetOwned.map((e) => `${e.file} ${e.table}`));
  const matched = new Set<string>();
  for (const file of files) {
    if (file === 'scripts/check-table-owners.ts' || file === 'scripts/table-owners.ts') continue;
    const code = readFileSync(join(root, file), 'utf8');
    const declaration = readModelDeclaration(code);
    for (const use of [...sqlUses(code, tables, file), ...entityUses(code, entities, file)]) {
      const rule = owners[use.table];
      if (!rule) continue;
      const why = refusal(file, use, rule, declaration);
      if (!why) continue;
      const key = `${file} ${use.table}`;
      if (pending.has(key)) matched.add(key);
      else problems.push(why);
    }
  }
  for (const key of pending) {
    if (!matched.has(key))
      problems.push(`scripts/table-owners.ts NOT_YET_OWNED lists "${key}", which no longer names it: remove the entry.`);
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(fileURLToPath(import.meta.url), '..', '..');
  const problems = check(root);
  if (problems.length) {
    console.error(`Table ownership (scripts/table-owners.ts, docs/architecture.md "Table ownership"):\n`);
    for (const p of problems) console.error(`  ${p.replace(root + '/', '')}`);
    console.error(`\n${problems.length} problem(s) in ${relative(process.cwd(), root) || '.'}`);
    process.exit(1);
  }
}
