// Change filings and 普惠 recognition in the consoles, in a real browser against the real API (in this process).
// An operator opens a registered facility's change filings, requests a change: the form shows each field as
// registered beside the new value, and the live check names the broken rule while the floors are wrong, then
// accepts the change (a third exit, a new class, the 普惠 application). A district health regulator finds it in
// the change-filing queue (a month old: overdue, as is a filing in the filing queue), reads the side-by-side diff
// and approves it; the facility now has the new values. The regulator then recognises the facility as 普惠 with a
// fee ceiling and an expiry (a ceiling below the facility's fee is refused). Desktop and phone width; screenshots
// go to test/artifacts/change-filings-*.png.
import type { Page } from 'playwright-core';
import { compliantFacility } from '../factories/registry.js';
import { bearer } from '../helpers/app.js';
import { withConsole } from '../helpers/console.js';
import { DESKTOP, PHONE, WAIT, expectNoHorizontalScroll, see, signOut } from '../helpers/page.js';

const web = withConsole(DESKTOP, { prefix: 'change-filings' });

/** Both widths: the page fits a phone, and a screenshot of each. */
async function bothWidths(page: Page, name: string): Promise<void> {
  await expectNoHorizontalScroll(page);
  await web.shot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  await expectNoHorizontalScroll(page);
  await web.shot(page, `${name}-phone`);
  await page.setViewportSize(DESKTOP);
}

describe('change filings and 普惠 recognition in the consoles', () => {
  it('an operator requests a change with the live check; a health regulator approves it from the diff and recognises 普惠', async () => {
    const { page, errors } = await web.open();
    const { owner, health, facility } = await web.registered({ overrides: { affordable: false } });

    // The operator: the change filings tab of the registered facility.
    await web.signIn(page, owner);
    await page.goto(`${web.baseUrl}/console/operator/facilities/${facility.id}?tab=changes`);
    await see(page, page.locator('#affordable-status', { hasText: '未申请普惠认定' }));
    await page.locator('#change-request').click();
    await see(page, page.locator('#change-form'));
    expect(await page.locator('#change-exitCount-hint').innerText()).toBe('现备案：2');
    expect(await page.locator('#change-floors-hint').innerText()).toBe('现备案：1, 2');
    await see(page, page.locator('#change-check', { hasText: '尚未修改任何内容' }));

    // Fourth floor only: the live check names the storey rule before anything is filed.
    await page.locator('#change-floors').fill('4');
    await see(page, page.locator('#change-check li[data-code="storey"]'));
    expect(await page.locator('#change-check .verdict--failed').innerText()).toContain('提交将被退回');
    await page.locator('#change-floors').fill('1,2');

    // A third exit, a new class, the 普惠 application: acceptable.
    await page.locator('#change-exitCount').fill('3');
    await page.locator('#change-affordable').check();
    await page.locator('#change-add-class').click();
    await page.locator('#change-new-name').fill('托大一班');
    await page.locator('#change-new-ageGroup').selectOption('preschool');
    await page.locator('#change-new-places').fill('10');
    await see(page, page.locator('#change-check .verdict--ok'));
    expect(await web.api.db.query('SELECT 1 FROM change_filings WHERE facility_id = $1', [facility.id])).toEqual([]);
    await bothWidths(page, 'request');

    // Filing needs a reason.
    await page.locator('#change-submit').click();
    await see(page, page.locator('#change-reason-error'));
    await page.locator('#change-reason').fill('扩建活动室，增设安全出口和托大班，申请普惠');
    await page.locator('#change-submit').click();
    await see(page, page.locator('#change-notice', { hasText: '变更备案已提交' }));
    const card = page.locator('#change-list li[data-status="pending"]');
    await see(page, card);
    expect(await card.locator('tr[data-field="exitCount"]').innerText()).toMatch(/安全出口数\s+2\s+3/);
    expect(await page.locator('#change-request').isDisabled()).toBe(true);
    // Nothing counts yet: the registered values stay until approval.
    const [before] = await web.api.db.query('SELECT exit_count, affordable_status FROM facilities WHERE id = $1', [facility.id]);
    expect(before).toEqual({ exit_count: 2, affordable_status: null });
    await bothWidths(page, 'operator-list');

    // A filing and this change filing have waited a month: past the 5-working-day deadline. Filed before the
    // operator signs out: signing out revokes every token of the account, the test's own included.
    const waiting = await compliantFacility(web.api, owner);
    await web.api.http().post(`/api/v1/facilities/${waiting.id}/submit`).set(bearer(owner)).expect(200);
    await web.api.db.query(`UPDATE facilities SET submitted_at = now() - interval '30 days' WHERE id = $1`, [waiting.id]);
    await web.api.db.query(`UPDATE change_filings SET submitted_at = now() - interval '30 days' WHERE facility_id = $1`, [facility.id]);
    await signOut(page);

    // The health regulator: the change-filing queue beside the filing queue, both with overdue badges.
    await web.signIn(page, health);
    const [{ id: changeId }] = await web.api.db.query('SELECT id FROM change_filings WHERE facility_id = $1', [facility.id]);
    const queued = page.locator(`#change-queue li[data-change-id="${changeId}"]`);
    await see(page, queued);
    expect(await queued.innerText()).toContain('待审核');
    expect(await queued.locator('.badge--overdue').innerText()).toBe('审核超时');
    const filed = page.locator(`#review-queue li[data-facility-id="${waiting.id}"]`);
    await see(page, filed);
    expect(await filed.locator('.badge--overdue').innerText()).toBe('审核超时');
    expect(await filed.innerText()).toContain('提交于');
    await bothWidths(page, 'queue');
    await queued.locator('a').click();
    await page.waitForURL(new RegExp(`/console/regulator/changes/${changeId}$`), WAIT);
    const diff = page.locator(`#change-${changeId}-diff`);
    await see(page, diff);
    expect(await diff.locator('tr[data-field="exitCount"]').innerText()).toMatch(/安全出口数\s+2\s+3/);
    expect(await diff.locator('tr[data-field="affordable"]').innerText()).toMatch(/否\s+是/);
    expect(await diff.locator('tr[data-field="class-0"]').innerText()).toContain('托大一班');
    await bothWidths(page, 'review');
    await page.locator('#change-approve').click();
    await page.locator('#confirm-change-approve').click();
    await see(page, page.locator('#change-result', { hasText: '变更已通过' }));
    const [after] = await web.api.db.query(
      'SELECT exit_count, affordable_status, (SELECT count(*)::int FROM classes WHERE facility_id = $1) AS classes FROM facilities WHERE id = $1',
      [facility.id],
    );
    expect(after).toEqual({ exit_count: 3, affordable_status: 'applied', classes: 2 });

    // 普惠: the application is waiting; a ceiling below the facility's fee is refused, then recognised.
    await page.locator('#change-facility-link').click();
    await page.waitForURL(new RegExp(`/console/regulator/facilities/${facility.id}`), WAIT);
    await see(page, page.locator('ol.history .history__head', { hasText: '通过变更备案' }));
    await see(page, page.locator('ol.history .history__head', { hasText: '变更备案生效' }));
    await page.goto(`${web.baseUrl}/console/regulator/facilities/${facility.id}`);
    await see(page, page.locator('#affordable-status', { hasText: '已申请，待认定' }));
    await page.locator('#affordable-decision').selectOption('recognize');
    await page.locator('#affordable-maxMonthlyFee').fill('2000');
    await page.locator('#affordable-validUntil').fill(`${new Date().getFullYear() + 2}-12-31`);
    await page.locator('#affordable-submit').click();
    await see(page, page.locator('#affordable-result.notice--error'));
    await page.locator('#affordable-maxMonthlyFee').fill('2800');
    await page.locator('#affordable-submit').click();
    await see(page, page.locator('#affordable-result', { hasText: '普惠认定已更新' }));
    await see(page, page.locator('#affordable-status [data-status="recognized"]'));
    expect(await page.locator('#affordable-status').innerText()).toMatch(/收费上限 2,?800 元\/月/);
    const [recognised] = await web.api.db.query('SELECT affordable_status, affordable_max_monthly_fee FROM facilities WHERE id = $1', [
      facility.id,
    ]);
    expect(recognised).toEqual({ affordable_status: 'recognized', affordable_max_monthly_fee: 2800 });
    await bothWidths(page, 'affordable');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
