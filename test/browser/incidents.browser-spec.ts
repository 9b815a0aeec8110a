// Incidents in a real browser against the real API (in this process). On a 360×740 phone the operator reports an
// injury: the draft is kept over a reload and over a lost connection (the report is refused offline and sent once
// back online). At desktop width a district health regulator sees the inbox with severity, escalation badge and
// countdown, opens the incident, acknowledges it, adds a note and closes it with a finding; the timeline shows each
// step and "record an inspection" pre-selects the domain that fits the kind. On a phone the operator logs a fire
// evacuation drill (refused without participants, refused in the future), and the health regulator reads it at desktop
// width without the form. Screenshots at both widths go to test/artifacts/incidents-*.png.
import { Clock } from '@lib/core';
import { bearer } from '../helpers/app.js';
import { withConsole } from '../helpers/console.js';
import { DESKTOP, PHONE, WAIT, expectNoHorizontalScroll, see, seriousA11yViolations, signOut } from '../helpers/page.js';

const HOUR = 3600_000;

describe('incidents in the consoles', () => {
  const web = withConsole(PHONE, { prefix: 'incidents' });

  it('an operator reports an incident on a phone; the draft survives a reload and a lost connection', async () => {
    const { page, errors } = await web.open();
    const { owner, facility } = await web.registered();

    await web.signIn(page, owner);
    await page.goto(`${web.baseUrl}/console/operator/facilities/${facility.id}`);
    await see(page, page.locator('#report-incident'));
    await page.locator('#report-incident').click();
    await page.waitForURL(new RegExp(`/facilities/${facility.id}/incidents/new$`), WAIT);
    await see(page, page.locator('#incident-kind'));
    // Counts only: no field asks for a child's name.
    expect(await page.locator('input[name*="name" i], #incident-child-name').count()).toBe(0);

    await page.locator('#incident-kind').selectOption('injury');
    await page.locator('#incident-severity').selectOption('serious');
    await page.locator('#incident-children').fill('2');
    await page.locator('#incident-hospitalized').fill('1');
    await page.locator('#incident-description').fill('户外活动时两名幼儿相撞，一名额头磕破');
    await see(page, page.locator('#incident-draft-state', { hasText: '草稿已保存在本机' }));

    // A reload keeps the draft.
    await page.reload();
    await see(page, page.locator('.notice', { hasText: '已恢复本机保存的草稿' }));
    expect(await page.locator('#incident-kind').inputValue()).toBe('injury');
    expect(await page.locator('#incident-children').inputValue()).toBe('2');
    expect(await page.locator('#incident-description').inputValue()).toBe('户外活动时两名幼儿相撞，一名额头磕破');

    // Sending with a field missing names it.
    await page.locator('#incident-submit').click();
    await see(page, page.locator('.error-summary', { hasText: '已采取的措施' }));
    await page.locator('#incident-actions').fill('保健医生包扎，送医缝合两针，已通知家长');

    // Offline: refused, and the draft stays.
    await web.browser.context.setOffline(true);
    await page.locator('#incident-submit').click();
    await see(page, page.locator('#incident-failure', { hasText: '网络不可用' }));
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'report-offline-phone');
    await web.browser.context.setOffline(false);
    const stored = await page.evaluate((id) => window.localStorage.getItem(`childcare.incident-draft.${id}`), facility.id);
    expect(stored).toContain('送医缝合两针');

    // Back online: sent, and the incident page shows it; the draft is gone.
    await page.locator('#incident-submit').click();
    await page.waitForURL(/\/console\/incidents\/[0-9a-f-]{36}$/, WAIT);
    await see(page, page.locator('#incident-timeline'));
    expect(await page.locator('h1').innerText()).toContain('意外伤害');
    expect(await page.locator('.incident-badges').innerText()).toContain('较重');
    expect(await page.evaluate((id) => window.localStorage.getItem(`childcare.incident-draft.${id}`), facility.id)).toBeNull();
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'incident-operator-phone');
    const [row] = await web.api.db.query('SELECT children_affected, hospitalized FROM incidents WHERE facility_id = $1', [facility.id]);
    expect(row).toEqual({ children_affected: 2, hospitalized: 1 });
    await signOut(page);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('a regulator works the inbox at desktop width: severity, escalation, countdown; acknowledge, note, close', async () => {
    const { page, errors } = await web.open(DESKTOP);
    const { owner, health, facility } = await web.registered();
    const body = (over: Record<string, unknown>) => ({
      kind: 'illness',
      severity: 'serious',
      occurredAt: new Date(Date.now() - HOUR).toISOString(),
      childrenAffected: 3,
      hospitalized: 0,
      description: '三名幼儿午后发热',
      actionsTaken: '隔离观察，通知家长',
      ...over,
    });
    // One reported 5 hours ago (escalated to the city), one just now (countdown to the unit).
    const clock = web.api.app.get(Clock);
    clock.now = () => new Date(Date.now() - 5 * HOUR);
    const old = await web.api
      .http()
      .post(`/api/v1/facilities/${facility.id}/incidents`)
      .set(bearer(owner))
      .send(body({ kind: 'food_poisoning', occurredAt: new Date(Date.now() - 6 * HOUR).toISOString() }))
      .expect(201);
    clock.now = () => new Date();
    const fresh = await web.api.http().post(`/api/v1/facilities/${facility.id}/incidents`).set(bearer(owner)).send(body({})).expect(201);

    await web.signIn(page, health);
    await page.locator('#nav-incidents').click();
    await page.waitForURL(/\/console\/incidents/, WAIT);
    const oldCard = page.locator(`li[data-incident="${old.body.id}"]`);
    const freshCard = page.locator(`li[data-incident="${fresh.body.id}"]`);
    await see(page, oldCard);
    expect(await oldCard.locator('[data-escalation]').getAttribute('data-escalation')).toBe('city');
    expect(await oldCard.innerText()).toContain('已上报市级');
    expect(await oldCard.locator('[data-severity]').innerText()).toBe('较重');
    expect(await freshCard.locator('.incident-countdown').innerText()).toMatch(/距提醒区级还剩 [01] 小时 \d+ 分/);
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'inbox-desktop');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'inbox-phone');
    await page.setViewportSize(DESKTOP);

    await freshCard.locator('a').click();
    await page.waitForURL(new RegExp(`/console/incidents/${fresh.body.id}$`), WAIT);
    await see(page, page.locator('#incident-acknowledge'));
    // One step to an inspection in the domain that fits the kind (illness → hygiene), keeping the incident's id.
    expect(await page.locator('#incident-inspect').getAttribute('href')).toBe(
      `/console/regulator/facilities/${facility.id}/inspect/hygiene?incident=${fresh.body.id}`,
    );
    await page.locator('#incident-acknowledge').click();
    await see(page, page.locator('#incident-result', { hasText: '已受理' }));
    await page.locator('#incident-note').fill('已通知疾控中心采样');
    await page.locator('#incident-add-note').click();
    await see(page, page.locator('#incident-timeline li[data-type="update"]', { hasText: '已通知疾控中心采样' }));
    await page.locator('#incident-finding-select').selectOption('no_fault');
    await page.locator('#incident-close-note').fill('诊断为普通感冒，非聚集性疫情');
    await page.locator('#incident-close').click();
    await see(page, page.locator('#incident-finding', { hasText: '机构无过错' }));
    const steps = await page.locator('#incident-timeline li').evaluateAll((items) => items.map((i) => i.getAttribute('data-type')));
    expect(steps).toEqual([null, 'acknowledged', 'update', 'closed']);
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'incident-regulator-desktop');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'incident-regulator-phone');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('an operator logs a drill on a phone; the health regulator reads the drills without the form', async () => {
    const { page, errors } = await web.open(PHONE);
    const { owner, health, facility } = await web.registered();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 86_400_000));

    await web.signIn(page, owner);
    await page.goto(`${web.baseUrl}/console/operator/facilities/${facility.id}?tab=drills`);
    await see(page, page.locator('#drills-latest-fire', { hasText: '尚未登记消防疏散演练' }));
    expect(await page.locator('#drill-kind').inputValue()).toBe('fire_evacuation');
    // Without participants, and dated tomorrow: refused in the form, naming each field; nothing is sent.
    await page.locator('#drill-held-on').fill(tomorrow);
    await page.locator('#drill-submit').click();
    await see(page, page.locator('.error-summary'));
    expect(await page.locator('.error-summary').innerText()).toContain('演练日期：不能晚于今天');
    expect(await page.locator('.error-summary').innerText()).toContain('参加人数（含幼儿和工作人员）：必填');
    expect(await page.locator('#drill-participants').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#drill-held-on').fill(today);
    await page.locator('#drill-participants').fill('36');
    await page.locator('#drill-note').fill('全园疏散用时 3 分 20 秒');
    await page.locator('#drill-submit').click();
    await see(page, page.locator('.notice--success', { hasText: /^已登记：\d{4}年\d{1,2}月\d{1,2}日 消防疏散演练$/ }));
    await see(page, page.locator(`#drills-list li[data-kind="fire_evacuation"][data-held-on="${today}"]`, { hasText: '36 人参加' }));
    expect(await page.locator('#drills-latest-fire').innerText()).toMatch(/^最近一次消防疏散演练：\d{4}年\d{1,2}月\d{1,2}日（今天）$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'drills-operator-phone');
    // The API has it.
    const drills = await web.api.http().get(`/api/v1/facilities/${facility.id}/drills`).set(bearer(health)).expect(200);
    expect(drills.body.items).toEqual([
      expect.objectContaining({ kind: 'fire_evacuation', heldOn: today, participants: 36, note: '全园疏散用时 3 分 20 秒' }),
    ]);
    await signOut(page);

    await page.setViewportSize(DESKTOP);
    await web.signIn(page, health);
    await page.goto(`${web.baseUrl}/console/regulator/facilities/${facility.id}?tab=drills`);
    await see(page, page.locator('#drills-list li', { hasText: '全园疏散用时 3 分 20 秒' }));
    expect(await page.locator('#drill-submit').count()).toBe(0);
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'drills-regulator-desktop');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
