// The web build's last steps (a Vite plugin, used by vite.config.ts): every served text file is written
// precompressed beside itself (`.br`, `.gz`; the API serves them by Accept-Encoding), source maps leave the
// served folder, and the public first-load script size is measured and written to a report that a test checks
// (issue #18: at most 80 KB compressed for the parents' pages).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';

/** The public first-load script budget, compressed (brotli), in bytes. */
export const FIRST_LOAD_BUDGET = 80 * 1024;

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|csv)$/;

export interface ChunkNode {
  isEntry: boolean;
  /** Chunks this one imports statically (loaded with it). */
  imports: readonly string[];
}

/** The scripts a first visit loads: the entry chunks and, transitively, what they import statically. */
export function firstLoadScripts(chunks: Readonly<Record<string, ChunkNode>>): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || !chunks[name]) return;
    seen.add(name);
    for (const next of chunks[name].imports) visit(next);
  };
  for (const [name, chunk] of Object.entries(chunks)) if (chunk.isEntry) visit(name);
  return [...seen].sort();
}

export interface CompressedSize {
  bytes: number;
  gzip: number;
  brotli: number;
}

export function compressedSize(content: Buffer): CompressedSize {
  return { bytes: content.length, gzip: gzip(content).length, brotli: brotli(content).length };
}

const gzip = (content: Buffer) => gzipSync(content, { level: 9 });
const brotli = (content: Buffer) =>
  brotliCompressSync(content, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
  });

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function webAssets(options: { outDir: string; sourceMapDir: string; reportFile: string }): Plugin {
  let chunks: Record<string, ChunkNode> = {};
  return {
    name: 'childcare-web-assets',
    apply: 'build',
    generateBundle(_output, bundle) {
      chunks = {};
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk') chunks[item.fileName] = { isEntry: item.isEntry, imports: item.imports };
      }
    },
    closeBundle() {
      const { outDir, sourceMapDir, reportFile } = options;
      rmSync(sourceMapDir, { recursive: true, force: true });
      const sizes: Record<string, CompressedSize> = {};
      for (const path of filesUnder(outDir)) {
        const name = relative(outDir, path).split('\\').join('/');
        if (name.endsWith('.map')) {
          mkdirSync(join(sourceMapDir, name, '..'), { recursive: true });
          renameSync(path, join(sourceMapDir, name));
          continue;
        }
        if (!COMPRESSIBLE.test(name)) continue;
        const content = readFileSync(path);
        writeFileSync(`${path}.gz`, gzip(content));
        writeFileSync(`${path}.br`, brotli(content));
        sizes[name] = compressedSize(content);
      }
      const firstLoad = firstLoadScripts(chunks);
      const total = firstLoad.reduce(
        (sum, name) => {
          const size = sizes[name];
          return size ? { bytes: sum.bytes + size.bytes, gzip: sum.gzip + size.gzip, brotli: sum.brotli + size.brotli } : sum;
        },
        { bytes: 0, gzip: 0, brotli: 0 },
      );
      writeFileSync(
        reportFile,
        `${JSON.stringify({ budget: FIRST_LOAD_BUDGET, firstLoad: { scripts: firstLoad, ...total }, files: sizes }, null, 2)}\n`,
      );
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      const line = `web: public first-load script ${kb(total.bytes)}, ${kb(total.gzip)} gzip, ${kb(total.brotli)} brotli (budget ${kb(FIRST_LOAD_BUDGET)})`;
      if (total.brotli > FIRST_LOAD_BUDGET) this.warn(line);
      else console.log(line);
    },
  };
}
