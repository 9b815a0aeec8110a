// The city map page (`/`) in a real browser against the real API: the 15 supervisory units are
// drawn and coloured, the legend explains the classes and targets, the page switches between
// Chinese and English, and it fits a 360-px phone. Screenshots go to test/artifacts/.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConsoleMessage, Page } from 'playwright-core';
import { startApiProcess } from '../helpers/api-process.js';
import { launchBrowser, type BrowserSession } from '../helpers/browser.js';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const WEB_INDEX = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));
const UNIT_COUNT = 15;
const WAIT = { timeout: 20_000 };

/** Tiles and other resources cannot load on a machine without internet; nothing else may log an error. */
function isFailedRequest(message: ConsoleMessage): boolean {
  return message.text().startsWith('Failed to load resource');
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !isFailedRequest(message)) errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return errors;
}

async function openMap(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
  try {
    await page.waitForFunction((n) => document.querySelectorAll('.leaflet-overlay-pane path.region').length === n, UNIT_COUNT, WAIT);
  } catch (error) {
    // Say what the page shows instead (a 404 from the API, an error message, fewer units).
    const paths = await page.locator('path.region').count();
    const text = (await page.locator('body').innerText()).slice(0, 300);
    throw new Error(`${url} answered ${response?.status()}; ${paths} units drawn; page text: ${text}`, { cause: error });
  }
}

describe('city map page', () => {
  let api: { url: string; stop: () => Promise<void> } | undefined;
  let browser: BrowserSession | undefined;

  beforeAll(async () => {
    // The API serves dist/web only when it exists at start-up.
    if (!existsSync(WEB_INDEX)) {
      throw new Error('dist/web is missing: node node_modules/vite/bin/vite.js build --config apps/web/vite.config.ts');
    }
    await mkdir(ARTIFACTS, { recursive: true });
    [api, browser] = await Promise.all([startApiProcess(), launchBrowser()]);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('draws the 15 units with a legend, switches between Chinese and English, and fits a phone', async () => {
    const home = new URL('/', api!.url).toString();
    const page = await browser!.context.newPage();
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Desktop, Chinese by default.
    await openMap(page, home);
    expect(await page.locator('path.region').count()).toBe(UNIT_COUNT);
    const legend = page.locator('.map-legend');
    await legend.waitFor({ state: 'visible', ...WAIT });
    expect(await legend.innerText()).toMatch(/4\.5[\s\S]*8|8[\s\S]*4\.5/);
    expect((await page.locator('h1').innerText()).trim()).toBe('长春市托育服务地图');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('#units-panel tbody tr').count()).toBe(UNIT_COUNT);
    expect(await page.locator('#units-panel tr[data-code="220102"] th').innerText()).toContain('南关区');

    // A unit takes keyboard focus and then shows its figures.
    await page.locator('path.region').first().focus();
    const tooltip = page.locator('.leaflet-tooltip');
    await tooltip.waitFor({ state: 'visible', ...WAIT });
    expect(await tooltip.innerText()).toContain('每千人口托位');
    await page.screenshot({ path: path.join(ARTIFACTS, 'map-desktop.png') });

    // Switch to English.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.locator('h1', { hasText: 'Changchun Childcare Map' }).waitFor(WAIT);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.title()).toBe('Changchun Childcare Map');
    expect(await page.locator('#units-panel tr[data-code="220102"] th').innerText()).toContain('Nanguan District');
    expect(await legend.innerText()).toContain('2025 target');

    // The choice is remembered; switching back works.
    await openMap(page, home);
    expect((await page.locator('h1').innerText()).trim()).toBe('Changchun Childcare Map');
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await page.locator('h1', { hasText: '长春市托育服务地图' }).waitFor(WAIT);

    // ?lang=en selects English.
    await openMap(page, new URL('/?lang=en', api!.url).toString());
    expect((await page.locator('h1').innerText()).trim()).toBe('Changchun Childcare Map');
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await page.locator('h1', { hasText: '长春市托育服务地图' }).waitFor(WAIT);

    // Phone: the units list starts closed and opens over the map; controls stay on screen.
    await page.setViewportSize({ width: 360, height: 740 });
    await openMap(page, home);
    expect(await page.locator('#units-panel').isVisible()).toBe(false);
    await legend.waitFor({ state: 'visible', ...WAIT });
    const toggle = page.locator('#units-toggle');
    const box = await toggle.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(ARTIFACTS, 'map-phone.png') });
    await toggle.click();
    await page.locator('#units-panel').waitFor({ state: 'visible', ...WAIT });
    await page.keyboard.press('Escape');
    await page.locator('#units-panel').waitFor({ state: 'hidden', ...WAIT });

    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
