// The regulator dashboard in a real browser against the real API (in this process): a city health
// regulator signs in and opens the dashboard from the console header (whose link carries the open
// alerts' count), sees the 15 units on the map, the units table (lowest places per 1,000 first), the
// city's trend chart (after the figures' history was derived and today's snapshot taken), selects a
// unit and sees its trend, the alert inbox grouped by kind and its kind filter, and the page in English.
// An operator sees its facilities' alerts on its home page. Screenshots at 1280×800 and 360×740 go to
// test/artifacts/dashboard-*.png.
import { AlertService, FiguresService } from '@lib/targets';
import { addDays } from '@lib/standards';
import { withConsole } from '../helpers/console.js';
import { WAIT, DESKTOP, PHONE, expectNoHorizontalScroll, see } from '../helpers/page.js';

describe('the regulator dashboard', () => {
  const web = withConsole(DESKTOP, { prefix: 'dashboard' });

  it('shows the map, the units, the trend and the alerts to a city health regulator, at desktop and phone width', async () => {
    const { page, errors } = await web.open();
    const { owner, health } = await web.registered({ regionCode: '220100' });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const figures = web.api.app.get(FiguresService);
    await web.api.db.transaction((m) => figures.deriveHistory(m, addDays(today, -400), addDays(today, -1)));
    await web.api.db.transaction((m) => figures.snapshot(m, today));
    await web.api.db.transaction((m) => web.api.app.get(AlertService).scan(m));

    await web.signIn(page, health);
    // The dashboard is the first console link for regulators, with the open alerts' count.
    const navLinks = page.locator('.console-nav a');
    await see(page, navLinks);
    expect(await navLinks.first().getAttribute('id')).toBe('nav-dashboard');
    await see(page, page.locator('#alerts-count-badge'));
    await page.locator('#nav-dashboard').click();
    await page.waitForURL(/\/console\/dashboard$/, WAIT);

    // The map: 15 units, coloured, none dimmed for a city-level regulator.
    await see(page, page.locator('.dashboard-map path.region'));
    await page.waitForFunction(() => document.querySelectorAll('.dashboard-map path.region').length === 15, null, WAIT);
    await see(page, page.locator('.dashboard-legend .legend'));

    // The table: 15 units, lowest first.
    const rows = page.locator('#dashboard-units tbody tr');
    expect(await rows.count()).toBe(15);
    const rates = await page
      .locator('#dashboard-units tbody tr td:nth-child(4)')
      .allInnerTexts()
      .then((texts) => texts.map((text) => Number(text.replace(/,/g, ''))));
    expect([...rates].sort((a, b) => a - b)).toEqual(rates);
    // Beside places per 1,000: the children waiting (issue #17), a number per unit.
    expect(await page.locator('#dashboard-units thead').innerText()).toContain('排队儿童');
    expect(await page.locator('#dashboard-units tbody td[data-waiting]').count()).toBe(15);

    // The city's trend: an SVG image with a line.
    const chart = page.locator('#dashboard-trend svg[role="img"]');
    await see(page, chart);
    expect(await chart.locator('path.trend__line').count()).toBeGreaterThanOrEqual(1);
    expect(await chart.getAttribute('aria-label')).toMatch(/长春/);
    expect(await page.locator('#dashboard-trend .trend__data tbody tr').count()).toBeGreaterThanOrEqual(2);

    // The alerts: grouped by facility, and by unit for a unit's own (its below-target alert among them), the
    // groups with the most alerts first, each naming what it is about with its counts by kind (issue #18 item 10).
    await see(page, page.locator('#alert-inbox .alert-group'));
    expect(await page.locator('#alert-inbox .alert-item').count()).toBeGreaterThan(0);
    await see(page, page.locator('#alert-inbox .alert-group[data-region-code] .alert-group__kind[data-kind="region_below_target"]'));
    const counts = await page.locator('#alert-inbox .alert-group > summary .count-badge').allInnerTexts();
    expect(counts.map(Number)).toEqual(counts.map(Number).sort((a, b) => b - a));
    for (const title of await page.locator('#alert-inbox .alert-group__title').allInnerTexts()) expect(title.trim()).not.toBe('');
    expect(await page.locator('#alert-inbox').innerText()).not.toMatch(/[A-Z]+-[A-Z]+-\d{2}|_overdue|_expiring/);
    await web.shot(page, 'desktop');

    // Choosing a unit in the table shows its trend.
    const firstUnit = rows.first();
    const code = await firstUnit.getAttribute('data-code');
    await firstUnit.locator('button').click();
    await page.waitForFunction(
      (c) => document.querySelector(`#dashboard-units tr[data-code="${c}"]`)?.classList.contains('is-selected'),
      code,
      WAIT,
    );
    await page
      .locator('#dashboard-trend svg[role="img"] path.trend__line')
      .first()
      .waitFor({ ...WAIT, state: 'attached' });
    expect(await page.locator(`.dashboard-map path.region[data-code="${code}"]`).getAttribute('aria-pressed')).toBe('true');
    // One "now": the trend's last point is the table's figure for the unit (issue #18, item 9).
    const tableRate = await firstUnit.locator('td:nth-child(4)').innerText();
    await page.waitForFunction(
      (rate) => [...document.querySelectorAll('#dashboard-trend .trend__data tbody tr')].at(-1)?.querySelector('td')?.textContent === rate,
      tableRate,
      WAIT,
    );
    // This year's target and the places missing to it, beside 2025's and 2035's.
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date());
    expect(await page.locator('#dashboard-shortfall-this-year').innerText()).toMatch(
      new RegExp(`^距 ${year} 年目标（\\d\\.\\d{1,2}）缺口$`),
    );
    expect(await page.locator('#dashboard-units tbody td[data-shortfall-this-year]').count()).toBe(15);

    // The kind filter.
    await page.locator('#alert-kind').selectOption('region_below_target');
    await page.waitForFunction(
      () => {
        const groups = [...document.querySelectorAll('#alert-inbox .alert-group')];
        return (
          groups.length >= 1 &&
          groups.every((g) => g.getAttribute('data-kinds') === 'region_below_target' && g.hasAttribute('data-region-code'))
        );
      },
      null,
      WAIT,
    );
    await page.locator('#alert-kind').selectOption('');

    // English.
    await page.getByRole('button', { name: 'English' }).click();
    await see(page, page.getByRole('heading', { name: 'Dashboard', level: 1 }));
    await see(page, page.locator('#alert-inbox .alert-group'));
    await web.shot(page, 'desktop-en');
    await page.getByRole('button', { name: '中文' }).click();
    await see(page, page.getByRole('heading', { name: '监管概览', level: 1 }));

    // The phone.
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('.dashboard-map path.region').length === 15, null, WAIT);
    // A flat line (no places yet) has no height: attached is enough.
    await page
      .locator('#dashboard-trend svg[role="img"] path.trend__line')
      .first()
      .waitFor({ ...WAIT, state: 'attached' });
    await see(page, page.locator('#alert-inbox .alert-item'));
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'phone');
    await web.shot(page, 'phone-top', false);
    await page.setViewportSize(DESKTOP);

    // An operator has the alerts of its facilities on its home page.
    await page.getByRole('button', { name: /^(退出|Sign out)$/ }).click();
    await page.waitForURL(/\/login$/, WAIT);
    await web.signIn(page, owner);
    await see(page, page.locator('#alert-inbox'));
    await see(page, page.locator('#alert-inbox .alert-group, #alert-inbox p[role="status"]'));
    expect(await page.locator('#nav-dashboard').count()).toBe(0);

    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
