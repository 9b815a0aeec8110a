import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startApi, type TestApi } from './app.js';
import { launchBrowser, type BrowserSession } from './browser.js';

export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const WEB_INDEX = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));

/** The API in this process, listening on a free port and serving the built web app, and a Chromium to drive it. */
export async function servedWebApp(viewport: {
  width: number;
  height: number;
}): Promise<{ api: TestApi; browser: BrowserSession; baseUrl: string }> {
  if (!existsSync(WEB_INDEX)) throw new Error('dist/web is missing: bash scripts/build.sh');
  await mkdir(ARTIFACTS, { recursive: true });
  const api = await startApi();
  await api.app.listen(0, '127.0.0.1');
  const baseUrl = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
  return { api, browser: await launchBrowser({ viewport }), baseUrl };
}
