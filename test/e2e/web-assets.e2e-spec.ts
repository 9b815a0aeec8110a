// How the built web app (dist/web) is delivered (issue #18): compressed (brotli, gzip, precompressed at build),
// hashed assets cached for a year and index.html revalidated, split by route so that the parents' first load
// stays within its budget, source maps not served, and an unknown page answered by the web app's own
// not-found page while the API's paths keep problem+json. Needs `bash scripts/build.sh` (npm test builds first).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startApi, type TestApi } from '../helpers/app.js';
import { FIRST_LOAD_BUDGET } from '../../apps/web/build/web-assets.js';

const WEB = fileURLToPath(new URL('../../dist/web/', import.meta.url));
const REPORT = fileURLToPath(new URL('../../dist/web-build-report.json', import.meta.url));

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let api: TestApi;
let base: URL;

/** One GET with exactly these headers, the body as it travelled (not decompressed). */
function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(raw: Raw): string {
  const encoding = raw.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(raw.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(raw.body).toString('utf8');
  return raw.body.toString('utf8');
}

/** The scripts index.html loads at once: the module entry and the chunks it preloads. */
function firstLoadScripts(html: string): string[] {
  const entry = [...html.matchAll(/<script type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  return [...entry, ...preloads];
}

beforeAll(async () => {
  if (!existsSync(`${WEB}index.html`)) throw new Error('dist/web is missing: bash scripts/build.sh');
  api = await startApi();
  await api.app.listen(0, '127.0.0.1');
  base = new URL((await api.app.getUrl()).replace('[::1]', '127.0.0.1'));
});
afterAll(() => api.close());

describe('web app delivery', () => {
  it('answers index.html compressed and revalidated, in the encoding asked for', async () => {
    const br = await get('/', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/html/);
    expect(br.headers['cache-control']).toBe('no-cache');
    expect(br.headers['vary']).toMatch(/accept-encoding/i);
    expect(decoded(br)).toContain('<div id="app">');

    const gzip = await get('/', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip)).toBe(decoded(br));

    const plain = await get('/');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(decoded(br));

    // The client-side routes answer the same page, revalidated too.
    const login = await get('/login', { 'Accept-Encoding': 'br' });
    expect(login.status).toBe(200);
    expect(login.headers['cache-control']).toBe('no-cache');
    expect(decoded(login)).toBe(decoded(br));
  });

  it('caches the hashed scripts and stylesheet for a year, compressed', async () => {
    const html = decoded(await get('/'));
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      expect(asset).toMatch(/-[A-Za-z0-9_-]{8}\.(js|css)$/); // the content hash in the name
      const br = await get(asset, { 'Accept-Encoding': 'br' });
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.headers['content-type']).toMatch(asset.endsWith('.js') ? /javascript/ : /^text\/css/);
      const plain = await get(asset);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(br.body.length).toBeLessThan(plain.body.length / 2);
      expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
      const gzip = await get(asset, { 'Accept-Encoding': 'gzip' });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    }
  });

  it('keeps the parents’ first-load script within 80 KB compressed, the consoles fetched when opened', async () => {
    const html = decoded(await get('/'));
    const scripts = firstLoadScripts(html);
    expect(scripts.length).toBeGreaterThan(0);
    let brotli = 0;
    const code: string[] = [];
    for (const script of scripts) {
      const res = await get(script, { 'Accept-Encoding': 'br' });
      expect(res.status).toBe(200);
      brotli += res.body.length;
      code.push(decoded(res));
    }
    expect(FIRST_LOAD_BUDGET).toBe(80 * 1024);
    expect(brotli).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    // The build measured the same figure (dist/web-build-report.json, printed by the build).
    const report = JSON.parse(readFileSync(REPORT, 'utf8')) as { firstLoad: { scripts: string[]; brotli: number } };
    expect(report.firstLoad.scripts.map((s) => `/${s}`).sort()).toEqual([...scripts].sort());
    expect(report.firstLoad.brotli).toBe(brotli);
    // Split by route: sign-in, the consoles and the facility page are separate chunks, imported on demand.
    const entry = code.join('\n');
    const pages = ['login-page', 'operator-home', 'review-page', 'dashboard-page', 'inspection-form-page', 'facility-page'];
    const imported = (page: string) => new RegExp(`import\\(["'\`][./]*(assets/)?${page}-[A-Za-z0-9_-]+\\.js["'\`]\\)`).test(entry);
    expect(pages.filter((page) => !imported(page))).toEqual([]);
  });

  it('does not serve source maps', async () => {
    const served = readdirSync(`${WEB}assets`);
    expect(served.filter((name) => name.includes('.map'))).toEqual([]);
    const html = decoded(await get('/'));
    const [entry] = firstLoadScripts(html);
    const res = await get(`${entry}.map`, { Accept: 'application/json' });
    expect(res.status).toBe(404);
    expect(decoded(await get(entry!))).not.toContain('sourceMappingURL');
  });
});

describe('unknown pages', () => {
  it('answers a browser the web app’s own not-found page with status 404', async () => {
    for (const path of ['/no-such-page', '/console-old', '/facilities', '/a/b/c?x=1']) {
      const res = await get(path, { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'Accept-Encoding': 'br' });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(decoded(res)).toContain('<div id="app">');
    }
  });

  it('keeps problem+json for the API’s own paths and for clients not asking for HTML', async () => {
    for (const [path, accept] of [
      ['/api/v1/no-such-thing', 'text/html'],
      ['/api/no-such-thing', 'text/html'],
      ['/admin/nothing', 'text/html'],
      ['/no-such-page', 'application/json'],
      ['/no-such-page', '*/*'],
    ] as const) {
      const res = await get(path, { Accept: accept });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({ status: 404 });
    }
  });
});
