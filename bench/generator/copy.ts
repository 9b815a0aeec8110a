import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A value of one column of a row. */
export type Field = string | number | boolean | null;

const SPECIAL = /[\\\t\n\r]/;

/** A field in COPY's text format: `null` is \N; backslash, tab and line breaks are escaped. */
function field(v: Field): string {
  if (v === null) return '\\N';
  if (typeof v !== 'string') return String(v);
  return SPECIAL.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : v;
}

/** A PostgreSQL array literal of simple values (no quotes, commas or braces in them). */
export function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}

/** Rows are written in chunks of about this many characters: fewer, larger writes. */
const CHUNK = 256 * 1024;

/**
 * `COPY table (columns) FROM STDIN` on its own connection. With `freeze`, in a transaction that first truncates the
 * (empty) table so the rows can be written FREEZE: already frozen and all-visible, so no later vacuum or first read
 * rewrites them. (TRUNCATE needs the table to have no foreign keys pointing at it.)
 */
export class CopySink {
  private chunk = '';

  private constructor(
    private readonly client: pg.ClientBase,
    private readonly stream: NodeJS.WritableStream,
  ) {}

  static async open(client: pg.ClientBase, table: string, columns: readonly string[], freeze: boolean): Promise<CopySink> {
    await client.query('BEGIN');
    if (freeze) await client.query(`TRUNCATE ${table}`);
    const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN${freeze ? ' WITH (FREEZE)' : ''}`));
    return new CopySink(client, stream);
  }

  /** Queues one row; resolves at once unless the connection is behind, so callers may await every row cheaply. */
  write(fields: readonly Field[]): Promise<void> | undefined {
    this.chunk += fields.map(field).join('\t') + '\n';
    return this.chunk.length >= CHUNK ? this.flush() : undefined;
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    await this.client.query('COMMIT');
  }

  private async flush(): Promise<void> {
    const ok = this.stream.write(this.chunk);
    this.chunk = '';
    if (!ok) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }
}
