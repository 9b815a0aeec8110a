// Complaints in a real browser against the real API (in this process): a parent complains about a facility from its
// public page (credit level shown there), gets a receipt code and follows it; someone reports an unregistered
// provider with a map pin (typed coordinates); a health regulator reads the complaint in the inbox (hostile text shown
// as text, the phone shown to it), puts it under investigation, sees the unregistered-provider layer, and the credit
// view; in zh-CN and English; axe finds no serious or critical violations. Screenshots go to test/artifacts/complaints-*.png.
import { PLACES } from '../factories/registry.js';
import { bearer } from '../helpers/app.js';
import { withConsole } from '../helpers/console.js';
import { DESKTOP, PHONE, WAIT, expectNoHorizontalScroll, see, seriousA11yViolations, signOut } from '../helpers/page.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1"> 午睡时老师把孩子关在储物间里，哭了很久。';

describe('complaints and credit pages', () => {
  const web = withConsole(DESKTOP, { prefix: 'complaints' });

  it('take a complaint from the facility page and a report with a map pin, and follow them by receipt code', async () => {
    const { page, errors } = await web.open();
    const { facility: f } = await web.registered();

    await page.goto(`${web.baseUrl}/facilities/${f.id}`);
    await see(page, page.locator('#facility-credit-level'));
    expect(await page.locator('#facility-credit-level').getAttribute('data-level')).toBe('A');
    await page.locator('#complain-link').click();
    await page.waitForURL(/\/complain\?facilityId=/, WAIT);
    await see(page, page.locator('#complaint-facility'));
    await page.locator('#complaint-category').selectOption('abuse');
    await page.locator('#complaint-description').fill(HOSTILE);
    await page.locator('#complaint-contact-phone').fill('13811112222');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator('#complaint-submit').click();
    await see(page, page.locator('#receipt-code'));
    const code = (await page.locator('#receipt-code').innerText()).trim();
    expect(code).toMatch(/^[23456789A-Z]{12}$/);
    await web.shot(page, 'receipt');
    await page.locator('#complaint-receipt a').click();
    await page.waitForURL(/\/complain\/track\?code=/, WAIT);
    await see(page, page.locator('#complaint-status-value'));
    expect(await page.locator('#complaint-status-value').innerText()).toBe('已受理');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // English, and an unknown code.
    await page.locator('.app-header__actions button[lang="en"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, WAIT);
    expect(await page.locator('#complaint-status-value').innerText()).toBe('Received');
    await page.goto(`${web.baseUrl}/complain/track?code=ABCDEFGHJKMN`);
    await see(page, page.locator('.notice--error'));

    // A report of an unregistered provider with the point typed into the map pin's fields.
    await page.goto(`${web.baseUrl}/complain`);
    await see(page, page.locator('#complaint-location-lat'));
    await page.locator('#complaint-location-lat').fill(String(PLACES.nanguan2.lat));
    await page.locator('#complaint-location-lng').fill(String(PLACES.nanguan2.lng));
    await page.locator('#complaint-provider').fill('Flat 302 nursery');
    await page.locator('#complaint-description').fill('Eight toddlers are looked after in a flat, no sign outside.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator('#complaint-submit').click();
    await see(page, page.locator('#receipt-code'));
    await web.shot(page, 'report');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('show a health regulator the inbox (text as text, the phone), investigation, the unregistered layer and the credit view', async () => {
    const { page, errors } = await web.open();
    const { health, facility: f } = await web.registered();
    await web.api
      .http()
      .post('/api/v1/public/complaints')
      .send({ facilityId: f.id, category: 'abuse', description: HOSTILE, contact: { phone: '13822223333' } })
      .expect(201);
    for (const m of [0, 30, 60])
      await web.api
        .http()
        .post('/api/v1/public/complaints')
        .send({
          location: { lat: PLACES.nanguan.lat + (1000 + m) / 111_320, lng: PLACES.nanguan.lng },
          providerName: `无证看护点 ${m}`,
          category: 'unregistered',
          description: '住宅楼里有人无证开办托育。',
        })
        .expect(201);

    // The first test chose English, which the browser remembers (i18n/language.ts): this one starts in zh-CN.
    await page.goto(`${web.baseUrl}/login`);
    await page.evaluate(() => window.localStorage.setItem('childcare.lang', 'zh-CN'));
    await web.signIn(page, health);
    await page.locator('#nav-complaints').click();
    await page.waitForURL(/\/console\/complaints$/, WAIT);
    const card = page.locator('.complaint-card', { hasText: '储物间' }).first();
    await see(page, card);
    expect(await card.locator('.complaint-card__description').innerText()).toBe(HOSTILE);
    expect(await card.locator('img').count()).toBe(0);
    expect(await card.innerText()).toContain('13822223333');
    await see(page, page.locator('#unregistered-list li'));
    await page.waitForFunction(
      () => [...document.querySelectorAll('#unregistered-list li')].some((li) => Number(li.getAttribute('data-reports')) >= 3),
      null,
      WAIT,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await web.shot(page, 'inbox');
    await card.locator('button', { hasText: '转入调查' }).click();
    await page.waitForFunction(() => !!document.querySelector('.complaint-card[data-status="investigating"]'), null, WAIT);

    await page.locator('#nav-credit').click();
    await page.waitForURL(/\/console\/credit$/, WAIT);
    await see(page, page.locator('h1'));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator('.console-header button[lang="en"], header button[lang="en"]').first().click();
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, WAIT);
    await see(page, page.locator('h1', { hasText: 'Credit levels' }));
    await web.shot(page, 'credit');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('let a health regulator record a fine on the facility record and revoke it; the operator reads them', async () => {
    const { page, errors } = await web.open();
    const { owner, health, facility: f } = await web.registered();
    await page.goto(`${web.baseUrl}/login`);
    await page.evaluate(() => window.localStorage.setItem('childcare.lang', 'zh-CN'));
    await web.signIn(page, health);
    await page.goto(`${web.baseUrl}/console/regulator/facilities/${f.id}?tab=penalties`);
    await see(page, page.locator('#penalty-kind'));
    expect(await page.locator('#penalties-title').innerText()).toBe('行政处罚');

    // A fine without its amount is refused in the form, naming the field; nothing is sent.
    await page.locator('#penalty-kind').selectOption('fine');
    await page.locator('#penalty-decision-no').fill('长南卫罚〔2026〕12号');
    await page.locator('#penalty-legal-basis').fill('《托育机构管理规范（试行）》第四十二条');
    await page.locator('#penalty-submit').click();
    await see(page, page.locator('.error-summary', { hasText: '罚款金额（元）：此项必填' }));
    await page.locator('#penalty-amount').fill('20000');
    await page.locator('#penalty-submit').click();
    await see(page, page.locator('.notice--success', { hasText: '已登记罚款（长南卫罚〔2026〕12号）' }));
    const card = page.locator('#penalties-list li.penalty-card', { hasText: '长南卫罚〔2026〕12号' });
    await see(page, card);
    expect(await card.innerText()).toContain('罚款 20,000 元');
    expect(await card.innerText()).toContain('卫生健康');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await web.shot(page, 'penalty-recorded');

    // Revoked on appeal, with the reason: the card says so and offers nothing more.
    await card.getByRole('button', { name: '登记撤销' }).click();
    const confirm = card.getByRole('button', { name: '确认撤销' });
    expect(await confirm.isDisabled()).toBe(true);
    await card.getByLabel('撤销理由（如复议决定书文号）').fill('长南复决〔2026〕3号 撤销原处罚决定');
    await confirm.click();
    await see(page, page.locator('.notice--success', { hasText: '已登记撤销：长南卫罚〔2026〕12号' }));
    await page.waitForFunction(() => document.querySelector('li.penalty-card')?.getAttribute('data-revoked') === 'true', null, WAIT);
    expect(await card.locator('.penalty-card__revoked').innerText()).toContain('长南复决〔2026〕3号 撤销原处罚决定');
    expect(await card.getByRole('button', { name: '登记撤销' }).count()).toBe(0);
    const stored = await web.api.http().get(`/api/v1/facilities/${f.id}/penalties`).set(bearer(owner)).expect(200);
    expect(stored.body.items).toEqual([
      expect.objectContaining({
        kind: 'fine',
        amountYuan: 20000,
        agency: 'health',
        revoked: true,
        revocationReason: '长南复决〔2026〕3号 撤销原处罚决定',
      }),
    ]);
    await signOut(page);

    // The operator reads the record at phone width, without the forms.
    await page.setViewportSize(PHONE);
    await web.signIn(page, owner);
    await page.goto(`${web.baseUrl}/console/operator/facilities/${f.id}?tab=penalties`);
    await see(page, page.locator('#penalties-list li.penalty-card[data-revoked="true"]'));
    expect(await page.locator('#penalty-submit').count()).toBe(0);
    expect(await page.getByRole('button', { name: '登记撤销' }).count()).toBe(0);
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'penalty-operator-phone');
    await page.setViewportSize(DESKTOP);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
