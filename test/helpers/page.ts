import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ConsoleMessage, Locator, Page } from 'playwright-core';

/** Shared steps of the browser tests (pages of the web app served by `servedWebApp`). */
export const WAIT = { timeout: 20_000 };
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 360, height: 740 };

/** Collects console errors and uncaught page errors (failed resource loads, e.g. map tiles offline, aside). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return errors;
}

/** The page fits the viewport's width (no sideways scrolling on a phone); else names the widest elements. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const limit = page.viewportSize()!.width;
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > limit) {
    const wide = await page.evaluate((max) => {
      const out: string[] = [];
      for (const element of document.querySelectorAll('body *')) {
        const box = element.getBoundingClientRect();
        if (box.right > max + 0.5 && out.length < 5)
          out.push(`${element.tagName.toLowerCase()}.${element.className} → ${Math.round(box.right)}px`);
      }
      return out;
    }, limit);
    throw new Error(`${page.url()} is ${width}px wide at ${limit}px: ${wide.join('; ')}`);
  }
}

/** Waits for an element; when it does not come, fails with what the page shows instead. */
export async function see(page: Page, locator: Locator): Promise<void> {
  try {
    await locator.first().waitFor(WAIT);
  } catch (error) {
    const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 800);
    throw new Error(`${page.url()} does not show ${locator}; it shows: ${text}`, { cause: error });
  }
}

/** Signs in through /login; with `landing`, waits until the app has moved there. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string, landing?: RegExp): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('form[aria-labelledby="login-title"] button[type="submit"]').click();
  if (landing) await page.waitForURL(landing, WAIT);
}

/** Signs out through the header's button, and checks that the token it held no longer works on the server. */
export async function signOut(page: Page): Promise<void> {
  const token = await page.evaluate(() => {
    const raw = sessionStorage.getItem('childcare.session');
    return raw ? (JSON.parse(raw) as { accessToken: string }).accessToken : null;
  });
  await page.getByRole('button', { name: /^(退出|Sign out)$/ }).click();
  await page.waitForURL(/\/login$/, WAIT);
  if (!token) return;
  const statusWith = () =>
    page.evaluate(async (t) => (await fetch('/api/v1/inspection-checklists', { headers: { Authorization: `Bearer ${t}` } })).status, token);
  for (let i = 0; i < 50; i++) {
    if ((await statusWith()) === 401) return;
    await page.waitForTimeout(100);
  }
  throw new Error('the token still works after signing out');
}

const AXE_SOURCE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * Runs axe-core on the page as it is now and returns its serious and critical violations, one line
 * each (rule, help, the first elements). Leaflet's tile images (third-party pictures) are left out.
 * The script is evaluated through the DevTools protocol, which the API's Content-Security-Policy
 * (no inline scripts) does not block, unlike an injected <script> tag.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(AXE_SOURCE, 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run({ exclude: [['.leaflet-tile-pane']] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} (${v.nodes
            .slice(0, 5)
            .map((n) => n.target.join(' '))
            .join(', ')})`,
      );
  });
}
