// The browser suites' common set-up, once: the API in this process serving the built web app and a Chromium to
// drive it (started before the suite's tests, closed after them), a tab that collects console errors, the usual
// cast (an operator, a district health regulator, the operator's registered facility), signing in to a console, and
// screenshots in test/artifacts.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { registeredFacility } from '../factories/registry.js';
import { createUser, type TestApi, type TestUser } from './app.js';
import type { BrowserSession } from './browser.js';
import { signIn, watchErrors } from './page.js';
import { ARTIFACTS, servedWebApp } from './web-app.js';

type Viewport = { width: number; height: number };

export interface ConsoleRig {
  readonly api: TestApi;
  readonly browser: BrowserSession;
  readonly baseUrl: string;
  /** A new tab (at `viewport`, else the suite's) and the console errors and page errors it collects. */
  open(viewport?: Viewport): Promise<{ page: Page; errors: string[] }>;
  /**
   * An operator, a health regulator of 南关区 (220102, or `regionCode`) and the operator's facility taken through the
   * whole filing by that regulator (registeredFacility's `overrides` and class).
   */
  registered(options?: {
    regionCode?: string;
    overrides?: Record<string, unknown>;
    cls?: { places: number; enrolled: number };
  }): Promise<{ owner: TestUser; health: TestUser; facility: Awaited<ReturnType<typeof registeredFacility>> }>;
  /** Signs `user` in through /login and waits for the console its role lands on. */
  signIn(page: Page, user: TestUser): Promise<void>;
  /** test/artifacts/`<prefix>-<name>`.png (the suite's prefix), the whole page unless `fullPage` is false. */
  shot(page: Page, name: string, fullPage?: boolean): Promise<void>;
}

const LANDING: Record<TestUser['role'], RegExp> = {
  operator: /\/console\/operator$/,
  regulator: /\/console\/regulator$/,
  parent: /\/console\/applications$/,
  admin: /\/console\/regulator$/,
};

/** Registers the suite's beforeAll and afterAll; the rig's `api`, `browser` and `baseUrl` are there from beforeAll. */
export function withConsole(viewport: Viewport, shots: { prefix: string }): ConsoleRig {
  let served: Awaited<ReturnType<typeof servedWebApp>> | undefined;
  const started = () => {
    if (!served) throw new Error('withConsole: the web app is not started (used outside a test?)');
    return served;
  };
  beforeAll(async () => {
    served = await servedWebApp(viewport);
  }, 60_000);
  afterAll(async () => {
    await served?.browser.close();
    await served?.api.close();
  });

  return {
    get api() {
      return started().api;
    },
    get browser() {
      return started().browser;
    },
    get baseUrl() {
      return started().baseUrl;
    },
    async open(size) {
      const page = await started().browser.context.newPage();
      if (size) await page.setViewportSize(size);
      return { page, errors: watchErrors(page) };
    },
    async registered({ regionCode = '220102', overrides = {}, cls } = {}) {
      const api = started().api;
      const owner = await createUser(api, 'operator');
      const health = await createUser(api, 'regulator', { agency: 'health', regionCode });
      return { owner, health, facility: await registeredFacility(api, owner, health, overrides, cls) };
    },
    async signIn(page, user) {
      await signIn(page, started().baseUrl, user.username, user.password, LANDING[user.role]);
    },
    async shot(page, name, fullPage = true) {
      await page.screenshot({ path: path.join(ARTIFACTS, `${shots.prefix}-${name}.png`), fullPage });
    },
  };
}
