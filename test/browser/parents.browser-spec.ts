// The parents' pages in a real browser against the real API (in this process): registered facilities
// near 榆树市 (unit 220182, far from the other suites' facilities) are found from a shared search
// address (list and numbered markers in step), the age filter keeps only the class that takes an
// 8-month-old, a facility's page shows its classes, vacancies and inspections and switches to
// English, a suspended facility says so and an unknown one is a friendly 404; "use my location" works
// and a denial is explained. The same at 360×740. axe-core finds no serious or critical violation on
// either page. Screenshots: test/artifacts/parents-*-desktop.png and parents-*-phone.png.
import type { Page } from 'playwright-core';
import { registeredFacility } from '../factories/registry.js';
import { bearer, createUser } from '../helpers/app.js';
import { DESKTOP, PHONE, WAIT, expectNoHorizontalScroll, see, seriousA11yViolations } from '../helpers/page.js';
import { withConsole } from '../helpers/console.js';

/** Inside 榆树市 (checked against data/changchun-census-units.geojson and changchun-districts.geojson). */
const YUSHU = {
  search: { lat: 44.84, lng: 126.5375 },
  infant: { lat: 44.84, lng: 126.53 },
  toddler: { lat: 44.846, lng: 126.541 },
  preschool: { lat: 44.834, lng: 126.546 },
  suspended: { lat: 44.843, lng: 126.55 },
};
const SEARCH = `/?lat=${YUSHU.search.lat}&lng=${YUSHU.search.lng}&r=5000`;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** Waits until the results list shows exactly these of this suite's facilities (by id), in any order, each with one marker. */
async function expectResults(page: Page, suffix: string, ids: string[]): Promise<void> {
  try {
    await page.waitForFunction(
      ({ suffix, ids }) => {
        const ours = [...document.querySelectorAll<HTMLElement>('.results__list .result')].filter((li) => li.textContent?.includes(suffix));
        const shown = ours.map((li) => li.dataset.id ?? '').sort();
        // Markers are drawn once the map has the results: they may come a frame after the list.
        const marked = ids.every((id) => document.querySelectorAll(`.result-marker[data-id="${id}"]`).length === 1);
        return shown.join() === [...ids].sort().join() && marked;
      },
      { suffix, ids },
      WAIT,
    );
  } catch (error) {
    const text = (await page.locator('#search-panel').innerText()).replace(/\s+/g, ' ').slice(0, 800);
    const markers = await page.locator('.result-marker').count();
    throw new Error(`${page.url()}: expected results ${ids.join(', ')}; ${markers} markers; the panel shows: ${text}`, { cause: error });
  }
}

describe('the parents’ search and facility pages', () => {
  const web = withConsole(DESKTOP, { prefix: 'parents' });
  const suffix = `榆${Date.now().toString(36).slice(-5)}`;
  const names = {
    infant: `乳儿托育园 ${suffix}`,
    toddler: `小星星托育中心 ${suffix}`,
    preschool: `成长托育中心 ${suffix}`,
    suspended: `暂停测试园 ${suffix}`,
  };
  const ids = { infant: '', toddler: '', preschool: '', suspended: '' };

  beforeAll(async () => {
    const api = web.api;
    const owner = await createUser(api, 'operator');
    const health = await createUser(api, 'regulator', { agency: 'health', regionCode: '220100' });
    const common = { address: '榆树市正阳街 100 号', serviceTypes: ['full_day'] };
    // Variables, not literals: the factory's class parameter types places and enrolled only.
    const infantClass = { ageGroup: 'infant', places: 9, enrolled: 6 };
    const preschoolClass = { ageGroup: 'preschool', places: 20, enrolled: 14 };
    const [infant, toddler, preschool, suspended] = await Promise.all([
      registeredFacility(
        api,
        owner,
        health,
        { ...common, name: names.infant, location: YUSHU.infant, affordable: true, monthlyFee: 2000 },
        infantClass,
      ),
      registeredFacility(api, owner, health, {
        ...common,
        name: names.toddler,
        location: YUSHU.toddler,
        affordable: false,
        monthlyFee: 3500,
      }),
      registeredFacility(
        api,
        owner,
        health,
        { ...common, name: names.preschool, location: YUSHU.preschool, affordable: false, monthlyFee: 2800 },
        preschoolClass,
      ),
      registeredFacility(api, owner, health, { ...common, name: names.suspended, location: YUSHU.suspended, affordable: true }),
    ]);
    Object.assign(ids, { infant: infant.id, toddler: toddler.id, preschool: preschool.id, suspended: suspended.id });
    await api
      .http()
      .post(`/api/v1/facilities/${suspended.id}/suspend`)
      .set(bearer(health))
      .send({ reason: '浏览器测试：暂停服务' })
      .expect(200);
  }, 60_000);

  it('finds, filters and opens facilities from a shared address at desktop width, in Chinese and English', async () => {
    const { page, errors } = await web.open();

    // A shared search address: the three registered facilities (not the suspended one), listed and on the map.
    await page.goto(`${web.baseUrl}${SEARCH}`);
    expect((await page.locator('h1').innerText()).trim()).toBe('长春市托育服务地图');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expectResults(page, suffix, [ids.infant, ids.toddler, ids.preschool]);
    expect(await page.locator('#results-status').innerText()).toMatch(/5 公里内找到 \d+ 家机构/);
    expect(await page.locator('#search-radius').inputValue()).toBe('5000');
    const infantCard = page.locator(`.result[data-id="${ids.infant}"]`);
    expect(await infantCard.locator('.badge--affordable').innerText()).toBe('普惠');
    expect(await infantCard.innerText()).toMatch(/空余托位 3 个 · 今天更新/);
    expect(await infantCard.innerText()).toContain('2,000 元/月');
    expect(await page.locator(`.result[data-id="${ids.toddler}"] .badge--affordable`).count()).toBe(0);

    // List and map in step: hovering a card lights its marker up; a marker's click brings its card forward.
    await page.locator(`.result[data-id="${ids.toddler}"]`).hover();
    await see(page, page.locator(`.result-marker--active[data-id="${ids.toddler}"]`));
    await page.locator(`.result-marker[data-id="${ids.preschool}"]`).click();
    await see(page, page.locator(`.result--active[data-id="${ids.preschool}"]`));
    await page.waitForFunction((id) => document.activeElement?.closest<HTMLElement>('li.result')?.dataset.id === id, ids.preschool, WAIT);

    // The units' choropleth is a layer, off while a search shows facilities.
    expect(await page.locator('.leaflet-overlay-pane path.region').count()).toBe(0);
    await page.locator('#layer-units').check();
    await page.waitForFunction(() => document.querySelectorAll('.leaflet-overlay-pane path.region').length === 15, null, WAIT);
    await page.locator('#layer-units').uncheck();
    await page.waitForFunction(() => document.querySelectorAll('.leaflet-overlay-pane path.region').length === 0, null, WAIT);
    await expectAccessible(page);

    // An 8-month-old: only the facility with an infant class; the address carries the filter.
    await page.locator('#search-age').selectOption('8');
    await page.waitForURL(/[?&]age=8(&|$)/, WAIT);
    await expectResults(page, suffix, [ids.infant]);
    // With an age, the card gives the free places for that age first (issue #18).
    expect(await infantCard.locator('.result__vacancy').innerText()).toMatch(/^适合孩子年龄的空余托位 3 个 · 今天更新/);
    await web.shot(page, 'search-desktop', false);

    // Its page: status, facts, the infant class with fresh vacancies, no inspection yet.
    await page.locator(`.result[data-id="${ids.infant}"] .result__link`).click();
    await page.waitForURL(new RegExp(`/facilities/${ids.infant}\\?age=8$`), WAIT);
    await see(page, page.locator('h1[data-page-heading]', { hasText: names.infant }));
    expect(await page.locator('#facility-status').innerText()).toBe('已备案');
    expect(await page.locator('.facts').innerText()).toMatch(/备案号\s+\S+/);
    expect(await page.locator('.facts').innerText()).toContain('榆树市');
    expect(await page.locator('.facility-public__location').innerText()).toContain('榆树市正阳街 100 号');
    const infantClassCard = page.locator('#facility-classes li[data-age-group="infant"]');
    expect(await infantClassCard.innerText()).toMatch(/乳儿班[\s\S]*9[\s\S]*3[\s\S]*今天更新/);
    expect(await page.locator('#facility-classes li').count()).toBe(1);
    expect(await page.locator('.inspection-card').count()).toBe(4);
    expect(await page.locator('.inspection-card[data-domain="fire"]').innerText()).toMatch(/消防[\s\S]*尚未检查/);
    await see(page, page.locator('.facility-map .leaflet-container'));
    await expectAccessible(page);
    await web.shot(page, 'facility-desktop');

    // English: the same page, in English.
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await see(page, page.locator('#classes-title', { hasText: 'Classes and free places' }));
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, WAIT);
    expect(await page.locator('#facility-status').innerText()).toBe('Registered');
    expect(await page.locator('#facility-classes').innerText()).toMatch(/Infant[\s\S]*Updated today/);
    await page.waitForFunction((title) => document.title === title, `${names.infant} · Changchun Childcare Map`, WAIT);
    await web.shot(page, 'facility-en-desktop');

    // Back to the same search, in English.
    await page.locator('.back-link a').first().click();
    await page.waitForURL(/[?&]age=8(&|$)/, WAIT);
    await expectResults(page, suffix, [ids.infant]);
    await see(page, page.locator('#results-status', { hasText: '1 facility within 5 km' }));
    await web.shot(page, 'search-en-desktop', false);
    await page.getByRole('button', { name: '中文', exact: true }).click();
    await see(page, page.locator('h1', { hasText: '长春市托育服务地图' }));

    // A suspended facility says so; an unknown one is a friendly 404.
    await page.goto(`${web.baseUrl}/facilities/${ids.suspended}`);
    await see(page, page.locator('.facility-public__suspended', { hasText: '暂停服务' }));
    expect(await page.locator('#facility-status').innerText()).toBe('暂停服务');
    await page.goto(`${web.baseUrl}/facilities/${UNKNOWN_ID}`);
    await see(page, page.locator('#facility-not-found', { hasText: '没有找到这家机构' }));

    // "Use my location": a refusal is explained; once allowed, the search starts there, to about 100 m (3 decimals),
    // so that a shared address does not give a home away.
    await page.goto(`${web.baseUrl}/`);
    await page.locator('#use-my-location').click();
    await see(page, page.locator('.search-form__geo-error', { hasText: '定位权限被拒绝' }));
    await web.browser.context.grantPermissions(['geolocation'], { origin: web.baseUrl });
    await web.browser.context.setGeolocation({ latitude: YUSHU.search.lat, longitude: YUSHU.search.lng });
    await page.locator('#use-my-location').click();
    await page.waitForURL(/[?&]lat=44\.84&lng=126\.538&r=3000/, WAIT);
    expect(await page.locator('#search-place').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe(
      '我的位置',
    );
    await see(page, page.locator('.result', { hasText: suffix }));
    await web.browser.context.clearPermissions();

    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('works on a 360-px phone: results below the map, the map folds away, the facility page fits', async () => {
    const { page, errors } = await web.open(PHONE);

    // `?lang=` picks the language (whatever was chosen before) and travels along to the facility page.
    await page.goto(`${web.baseUrl}${SEARCH}&lang=zh-CN`);
    await expectResults(page, suffix, [ids.infant, ids.toddler, ids.preschool]);
    await expectNoHorizontalScroll(page);
    // The title keeps one line (the header's buttons wrap below it), not one character a line beside them.
    const title = await page.locator('.app-header__title').evaluate((e) => ({
      height: e.getBoundingClientRect().height,
      line: parseFloat(getComputedStyle(e).lineHeight),
    }));
    expect(title.height).toBeLessThan(1.5 * title.line);
    const mapBox = await page.locator('#search-map-area').boundingBox();
    const panelBox = await page.locator('#search-panel').boundingBox();
    expect(mapBox!.y + mapBox!.height).toBeLessThanOrEqual(panelBox!.y + 1);
    await web.shot(page, 'search-phone', false);
    await expectAccessible(page);

    // Phone first (issue #18): the count and a jump to the list above the form, within the first screen; every
    // facility's dot hidden during a search; no two numbered markers on top of each other.
    const jump = page.locator('#results-jump');
    await see(page, jump);
    expect(await jump.innerText()).toMatch(/附近找到 \d+ 家机构[\s\S]*查看列表/);
    expect((await jump.boundingBox())!.y + 20).toBeLessThan(PHONE.height);
    expect(await page.locator('.facility-dot, .cluster-marker').count()).toBe(0);
    const centres = await page
      .locator('.result-marker')
      .evaluateAll((markers) =>
        markers.map((m) => m.getBoundingClientRect()).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })),
      );
    for (let i = 0; i < centres.length; i += 1)
      for (let j = i + 1; j < centres.length; j += 1)
        expect(Math.hypot(centres[i]!.x - centres[j]!.x, centres[i]!.y - centres[j]!.y)).toBeGreaterThanOrEqual(30);
    await jump.locator('a').click();
    await page.waitForFunction(() => document.activeElement?.matches('.results__list .result__link') === true, null, WAIT);

    // The map folds away for more room, and comes back.
    await page.locator('#map-fold').click();
    await page.locator('#search-map-area').waitFor({ state: 'hidden', ...WAIT });
    await page.locator('#map-fold').click();
    await page.locator('#search-map-area').waitFor({ state: 'visible', ...WAIT });

    // A 14-month-old: only the toddler class.
    await page.locator('#search-age').selectOption('14');
    await expectResults(page, suffix, [ids.toddler]);
    await page.locator(`.result[data-id="${ids.toddler}"]`).scrollIntoViewIfNeeded();
    await web.shot(page, 'search-filtered-phone', false);

    await page.locator(`.result[data-id="${ids.toddler}"] .result__link`).click();
    await page.waitForURL(new RegExp(`/facilities/${ids.toddler}\\?age=14&lang=zh-CN$`), WAIT);
    await see(page, page.locator('h1[data-page-heading]', { hasText: names.toddler }));
    expect(await page.locator('#facility-classes li[data-age-group="toddler"]').innerText()).toContain('托小班');
    await expectNoHorizontalScroll(page);
    await expectAccessible(page);
    await web.shot(page, 'facility-phone');

    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
