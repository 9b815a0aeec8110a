// The basemap (issue #18), against two APIs in this process (as consoles.browser-spec.ts; needs scripts/test.sh's
// environment): with a GCJ-02 tile source configured (AMap's template shape, on a test host with
// subdomains 1–4), the search map requests its tiles from exactly the configured hosts, the Content-Security-Policy
// allows those hosts and nothing more, and the tiles are placed in the map; an image from a host not configured is
// refused by the browser. Without a basemap (none configured, as offline), the map labels the units and, zoomed in,
// the named places itself. The tiles are a fixture (a 1×1 PNG) answered by the test for the configured template.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startApi, type TestApi } from '../helpers/app.js';
import { launchBrowser, type BrowserSession } from '../helpers/browser.js';
import { ARTIFACTS } from '../helpers/web-app.js';
import { WAIT, watchErrors } from '../helpers/page.js';

const TEMPLATE = 'http://webrd0{s}.tiles.test/appmaptile?lang=zh_cn&style=8&x={x}&y={y}&z={z}';
const HOSTS = ['1', '2', '3', '4'].map((s) => `http://webrd0${s}.tiles.test`);
const TILE = /^http:\/\/webrd0[1-4]\.tiles\.test\/appmaptile\?lang=zh_cn&style=8&x=\d+&y=\d+&z=\d+$/;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const DESKTOP = { width: 1366, height: 860 };
const PHONE = { width: 360, height: 740 };

interface Api {
  api: TestApi;
  url: string;
}

/** The API in this process (the environment scripts/test.sh sets, plus `env`), listening and serving dist/web. */
async function served(env: Record<string, string>): Promise<Api> {
  const api = await startApi(env);
  await api.app.listen(0, '127.0.0.1');
  return { api, url: (await api.app.getUrl()).replace('[::1]', '127.0.0.1') };
}

/** The sources of one CSP directive. */
function directive(csp: string, name: string): string[] {
  const entry = csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([key]) => key === name);
  return entry ? entry.slice(1) : [];
}

async function servedTiles(page: Page): Promise<{ src: string; visible: boolean }[]> {
  return page.locator('.leaflet-tile-pane img.leaflet-tile-loaded').evaluateAll((images) => {
    const map = document.querySelector('.search-map')!.getBoundingClientRect();
    return (images as HTMLImageElement[]).map((image) => {
      const box = image.getBoundingClientRect();
      const visible = box.width > 0 && box.right > map.left && box.left < map.right && box.bottom > map.top && box.top < map.bottom;
      return { src: image.src, visible };
    });
  });
}

describe('basemap', () => {
  let tiled: Api | undefined;
  let offline: Api | undefined;
  let browser: BrowserSession | undefined;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    tiled = await served({
      MAP_TILE_URL: TEMPLATE,
      MAP_TILE_SUBDOMAINS: '1234',
      MAP_TILE_CRS: 'gcj02',
      MAP_TILE_ATTRIBUTION: '© 测试底图',
    });
    offline = await served({ MAP_TILE_URL: '' });
    browser = await launchBrowser({ viewport: DESKTOP });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await tiled?.api.close();
    await offline?.api.close();
  });

  it('requests the configured tiles from the allowed hosts only and places them in the map', async () => {
    const page = await browser!.context.newPage();
    const errors = watchErrors(page);
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) refused.push(message.text());
    });
    const requested: string[] = [];
    await page.route(/\.tiles\.test\//, (route) => {
      requested.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
    });

    for (const [viewport, name] of [
      [DESKTOP, 'desktop'],
      [PHONE, 'phone'],
    ] as const) {
      await page.setViewportSize(viewport);
      const response = await page.goto(`${tiled!.url}/`);
      const csp = response!.headers()['content-security-policy']!;
      expect(directive(csp, 'img-src').sort()).toEqual(["'self'", 'blob:', 'data:', ...HOSTS].sort());
      await page.waitForFunction(() => document.querySelectorAll('.leaflet-tile-pane img.leaflet-tile-loaded').length >= 4, null, WAIT);
      const tiles = await servedTiles(page);
      expect(tiles.every((tile) => TILE.test(tile.src))).toBe(true);
      expect(tiles.some((tile) => tile.visible)).toBe(true);
      expect(new Set(tiles.map((tile) => new URL(tile.src).host)).size).toBeGreaterThan(1); // spread over the subdomains
      expect(await page.locator('.leaflet-control-attribution').innerText()).toContain('© 测试底图');
      expect(await page.locator('.map-label').count()).toBe(0); // the basemap has its own names
      await page.screenshot({ path: path.join(ARTIFACTS, `basemap-${name}.png`) });
    }
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.every((url) => TILE.test(url))).toBe(true);

    // A host that is not the configured one is refused by the browser before any request.
    const outcome = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const image = new Image();
          image.onload = () => resolve('loaded');
          image.onerror = () => resolve('refused');
          image.src = 'http://other.tiles.test/appmaptile?x=1&y=1&z=1';
          document.body.append(image);
        }),
    );
    expect(outcome).toBe('refused');
    expect(requested.some((url) => url.includes('other.tiles.test'))).toBe(false);
    expect(refused.some((text) => text.includes('other.tiles.test'))).toBe(true);
    expect(refused.filter((text) => !text.includes('other.tiles.test'))).toEqual([]);
    expect(errors.filter((text) => !text.includes('Content Security Policy'))).toEqual([]);
    await page.close();
  }, 90_000);

  it('labels the units and, zoomed in, the named places itself without a basemap', async () => {
    const page = await browser!.context.newPage();
    const errors = watchErrors(page);
    await page.setViewportSize(DESKTOP);
    const response = await page.goto(`${offline!.url}/`);
    expect(directive(response!.headers()['content-security-policy']!, 'img-src').sort()).toEqual(["'self'", 'blob:', 'data:']);
    await page.waitForFunction(() => document.querySelectorAll('.map-label--unit').length === 15, null, WAIT);
    expect(await page.locator('.map-label--unit', { hasText: '南关区' }).count()).toBe(1);
    expect(await page.locator('.map-label--place').count()).toBe(0); // not at the city overview
    expect(await page.locator('.leaflet-tile-pane img').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'basemap-offline-desktop.png') });

    // A search near the centre zooms in: the named places are labelled too.
    await page.setViewportSize(PHONE);
    await page.goto(`${offline!.url}/?lat=43.88&lng=125.32&r=1000`);
    await page.waitForFunction(() => document.querySelectorAll('.map-label--place').length > 0, null, WAIT);
    await page.screenshot({ path: path.join(ARTIFACTS, 'basemap-offline-phone.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
