// Inspections in a real browser against the real API (in this process), on a 360×740 phone: a city
// fire regulator opens a registered facility, starts a fire inspection, answers every item (one
// failed, with a note), reloads midway and finds the draft kept, submits and sees the outcome
// `rectify` with one order; the operator answers the order in the inbox; the fire regulator verifies
// it and it shows resolved. The inspection plan lists the facility. Screenshots of the form, the
// record, the inbox and the plan at phone and desktop width go to test/artifacts/inspections-*.png.
// A health regulator enters an earlier visit from paper: the form, given the visit's date, answers the
// checklist version in force that day (inspections-earlier-visit-*.png).
import type { Locator, Page } from 'playwright-core';
import { SECOND_RELEASE_FROM, checklistVersion } from '@lib/inspections';
import { enteredDaysAgo } from '../factories/registry.js';
import { bearer, createUser } from '../helpers/app.js';
import { withConsole } from '../helpers/console.js';
import { WAIT, DESKTOP, PHONE, expectNoHorizontalScroll, see, signOut } from '../helpers/page.js';

const web = withConsole(PHONE, { prefix: 'inspections' });

/** Both widths: the phone (the page as it is), then the desktop, back to the phone. */
async function shots(page: Page, name: string, ready: Locator, fullPage = false): Promise<void> {
  await expectNoHorizontalScroll(page);
  await web.shot(page, `${name}-phone`, fullPage);
  await page.setViewportSize(DESKTOP);
  await ready.first().waitFor(WAIT);
  await web.shot(page, `${name}-desktop`, fullPage);
  await page.setViewportSize(PHONE);
}

/** Answers one checklist item by its code (a click on the segmented button's label). */
async function answer(page: Page, code: string, result: 'pass' | 'fail' | 'na'): Promise<void> {
  const option = page.locator(`li.question[data-code="${code}"] .segmented__option--${result}`);
  await option.click();
  expect(await option.locator('input').isChecked()).toBe(true);
}

describe('inspections, orders and the plan', () => {
  it('records a fire inspection on a phone (draft kept over a reload), then the order is answered and verified', async () => {
    const { page, errors } = await web.open();
    const { owner, facility } = await web.registered();
    const fire = await createUser(web.api, 'regulator', { agency: 'fire', regionCode: '220100' });
    const recordUrl = `${web.baseUrl}/console/regulator/facilities/${facility.id}`;

    // The fire regulator opens the facility and starts a fire inspection (the only domain offered).
    await web.signIn(page, fire);
    await page.goto(recordUrl);
    await see(page, page.locator('#inspect-start-fire'));
    expect(await page.locator('.inspect-start a[id^="inspect-start-"]').count()).toBe(1);
    await page.locator('#inspect-start-fire').click();
    await page.waitForURL(new RegExp(`/facilities/${facility.id}/inspect/fire$`), WAIT);
    await see(page, page.locator('li.question'));

    const questions = page.locator('li.question');
    const codes = await questions.evaluateAll((items) => items.map((item) => item.getAttribute('data-code')!));
    expect(codes.length).toBeGreaterThanOrEqual(24);
    const progress = page.locator('.inspect-progress__count strong');
    expect(await progress.innerText()).toBe(`已答 0/${codes.length}`);
    const submit = page.locator('#inspect-submit');
    expect(await submit.isDisabled()).toBe(true);
    // A major item fails (not a critical one, so the outcome is `rectify`).
    const failed = await page
      .locator('li.question', { has: page.locator('.badge--severity-major') })
      .first()
      .getAttribute('data-code');
    expect(failed).toBeTruthy();
    const failedText = (await page.locator(`li.question[data-code="${failed}"] .question__text`).innerText()).trim();
    const note = `灭火器压力不足 ${Date.now() % 10000}`;

    // The first half, the failed item with its note among them.
    const half = Math.floor(codes.length / 2);
    const firstHalf = [...new Set([...codes.slice(0, half), failed!])];
    for (const code of firstHalf) await answer(page, code, code === failed ? 'fail' : 'pass');
    await page.locator(`#item-${failed}-note`).fill(note);
    expect(await progress.innerText()).toBe(`已答 ${firstHalf.length}/${codes.length}`);
    await see(page, page.locator('#draft-state', { hasText: '草稿已保存' }));

    // A reload keeps the draft: the answers, the note, the count.
    await page.reload();
    await see(page, page.locator('.notice', { hasText: '已恢复本机保存的草稿' }));
    expect(await progress.innerText()).toBe(`已答 ${firstHalf.length}/${codes.length}`);
    expect(await page.locator(`li.question[data-code="${failed}"] .segmented__option--fail input`).isChecked()).toBe(true);
    expect(await page.locator(`#item-${failed}-note`).inputValue()).toBe(note);
    expect(await page.locator('#draft-state').innerText()).toContain('草稿已保存');
    expect(await submit.isDisabled()).toBe(true);
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'form-phone', false);
    await page.setViewportSize(DESKTOP);
    await web.shot(page, 'form-desktop', false);
    await page.setViewportSize(PHONE);

    // The rest, one not applicable.
    const rest = codes.filter((code) => !firstHalf.includes(code));
    for (const [index, code] of rest.entries()) await answer(page, code, index === 0 ? 'na' : 'pass');
    expect(await progress.innerText()).toBe(`已答 ${codes.length}/${codes.length}`);
    expect(await submit.isEnabled()).toBe(true);
    await web.shot(page, 'form-complete-phone', false);

    // Submitted: outcome rectify, one order with its due date; the draft is gone.
    await submit.click();
    await see(page, page.locator('#inspect-result'));
    expect(await page.locator('#inspect-result [data-outcome]').getAttribute('data-outcome')).toBe('rectify');
    expect(await page.locator('#inspect-result').innerText()).toContain('限期整改');
    await expect(page.locator('#inspect-result .order-brief').count()).resolves.toBe(1);
    expect(await page.locator('#inspect-result .order-brief').innerText()).toMatch(/整改期限/);
    const draftKeys = await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('childcare.inspection-draft.')));
    expect(draftKeys).toEqual([]);
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'result-phone', false);

    // The record: fire's latest outcome, the inspection with its failed item, the order.
    await page.locator('.inspect-result-wrap').getByRole('link', { name: '返回机构检查记录' }).click();
    await page.waitForURL(/\?tab=inspections$/, WAIT);
    await see(page, page.locator('.domain-card[data-domain="fire"] .badge--outcome-rectify'));
    expect(await page.locator('.domain-card[data-domain="food"]').innerText()).toContain('尚未检查');
    expect(await page.locator('.inspection-card .failed-items').innerText()).toContain(note);
    await see(page, page.locator('.inspection-record li.order-card'));
    expect(await page.locator('#fail-warning').count()).toBe(0); // rectify, not fail; and not a health regulator
    await shots(page, 'record', page.locator('.domain-card'), true);

    // The plan lists the facility (in every domain), with reasons.
    await page.locator('#nav-plan').click();
    await page.waitForURL(/\/console\/plan$/, WAIT);
    const planRow = page.locator(`li.plan-row[data-facility-id="${facility.id}"]`);
    // The city's plan runs to several pages in the shared test database: narrowed to the facility's unit (南关区),
    // then read on until the facility's row comes.
    await page.locator('#plan-region option[value="220102"]').waitFor({ ...WAIT, state: 'attached' });
    await page.locator('#plan-region').selectOption('220102');
    await page.locator('#plan-region').evaluate((select) => (select as HTMLSelectElement).form!.requestSubmit());
    await see(page, page.locator('li.plan-row'));
    for (let i = 0; i < 20 && (await planRow.count()) === 0; i++) {
      const more = page.getByRole('button', { name: '加载更多' });
      if ((await more.count()) === 0) break;
      await more.click();
      await page.waitForTimeout(500);
    }
    await see(page, planRow);
    expect(await planRow.first().locator('.plan-row__reasons li').count()).toBeGreaterThan(0);
    await shots(page, 'plan', planRow);
    await signOut(page);

    // The operator sees the order in the inbox (a count on the link) and answers it.
    await web.signIn(page, owner);
    await see(page, page.locator('#orders-count-badge'));
    await page.locator('#nav-orders').click();
    await page.waitForURL(/\/console\/orders$/, WAIT);
    const card = page.locator('li.order-card').first();
    await see(page, card);
    await see(page, card.locator('.order-card__facility a', { hasText: '阳光宝贝托育中心' }));
    const orderId = await card.getAttribute('data-order-id');
    // The card names the item by its text; the code only as the text's tooltip, not in the line under it.
    expect((await card.locator('.order-card__text').innerText()).trim()).toBe(failedText);
    expect(await card.locator('.order-card__text').getAttribute('title')).toBe(failed);
    expect(await card.locator('.item-card__meta').innerText()).not.toContain(failed!);
    expect(await card.locator('.item-card__meta').innerText()).toContain('消防');
    await shots(page, 'inbox', card);
    await page.locator(`#order-${orderId}-respond`).click();
    await see(page, page.locator(`#order-${orderId}-note-error`)); // a note is required
    await page.locator(`#order-${orderId}-note`).fill('已更换灭火器并重新检验，附照片。');
    await page.locator(`#order-${orderId}-respond`).click();
    await see(page, page.locator('#orders-result', { hasText: '已回复整改情况' }));
    await see(page, card.locator('.badge--order-responded'));
    // The operator's facility page shows the same record, read-only.
    await page.goto(`${web.baseUrl}/console/operator/facilities/${facility.id}?tab=inspections`);
    await see(page, page.locator('.domain-card[data-domain="fire"] .badge--outcome-rectify'));
    expect(await page.getByRole('button', { name: '更正' }).count()).toBe(0);
    await signOut(page);

    // The fire regulator verifies it (accept): resolved.
    await web.signIn(page, fire);
    await page.locator('#nav-orders').click();
    await page.waitForURL(/\/console\/orders$/, WAIT);
    const responded = page.locator(`li.order-card[data-order-id="${orderId}"]`);
    await see(page, responded);
    expect(await responded.innerText()).toContain('已更换灭火器');
    // Answered in time: not overdue, and the regulator's own deadline to verify (issue #18 item 8).
    expect(await responded.innerText()).toMatch(/监管部门应于 .+ 前核查/);
    expect(await responded.locator('.badge--overdue').count()).toBe(0);
    await page.locator(`#order-${orderId}-accept`).click();
    await see(page, page.locator('#orders-result', { hasText: '核查通过' }));
    await see(page, responded.locator('.badge--order-resolved'));
    await page.getByRole('tab', { name: '已完成' }).click();
    await see(page, page.locator(`li.order-card[data-order-id="${orderId}"] .badge--order-resolved`));
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'inbox-resolved-phone', false);

    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('enters an earlier visit against the checklist version in force on its day', async () => {
    const { page, errors } = await web.open();
    const { health, facility } = await web.registered();
    // A visit on paper the day before version 2 came into force, to a facility entered before it.
    const visitDay = new Date(Date.parse(`${SECOND_RELEASE_FROM}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await enteredDaysAgo(facility.id, Math.ceil((Date.now() - Date.parse(`${visitDay}T00:00:00+08:00`)) / 86_400_000) + 2);

    await web.signIn(page, health);
    await page.goto(`${web.baseUrl}/console/regulator/facilities/${facility.id}/inspect/hygiene`);
    await see(page, page.locator('li.question'));
    const intro = page.locator('.inspect-form .section-intro');
    const codes = () => page.locator('li.question').evaluateAll((items) => items.map((item) => item.getAttribute('data-code')!));
    // Today: version 2 (the safeguarding items among them).
    expect(await intro.innerText()).toContain('检查表第 2 版');
    expect(await codes()).toContain('HYGIENE-SAFE-01');

    // The visit's date: the form turns to version 1, which had no safeguarding items.
    await page.locator('#inspect-day').fill(visitDay);
    await see(page, intro.filter({ hasText: '检查表第 1 版' }));
    const v1 = checklistVersion('hygiene', 1).items.map((i) => i.code);
    await see(page, page.locator(`li.question[data-code="${v1[0]}"]`));
    expect(await codes()).toEqual(v1);
    expect(await page.locator('#inspect-day').inputValue()).toBe(visitDay);
    for (const code of v1) await answer(page, code, 'pass');
    // The day is kept with the draft over a reload.
    await page.reload();
    await see(page, intro.filter({ hasText: '检查表第 1 版' }));
    expect(await page.locator('#inspect-day').inputValue()).toBe(visitDay);
    expect(await page.locator('.inspect-progress__count strong').innerText()).toBe(`已答 ${v1.length}/${v1.length}`);
    await shots(page, 'earlier-visit', page.locator('#inspect-day'));

    await page.locator('#inspect-submit').click();
    await see(page, page.locator('#inspect-result'));
    expect(await page.locator('#inspect-result [data-outcome]').getAttribute('data-outcome')).toBe('pass');
    const listed = await web.api.http().get(`/api/v1/facilities/${facility.id}/inspections`).set(bearer(health)).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ domain: 'hygiene', checklistVersion: 1 })]);
    expect(listed.body.items[0].inspectedAt).toBe(new Date(`${visitDay}T12:00:00+08:00`).toISOString());
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
