// The operator and regulator consoles in a real browser against the real API (in this process):
// an operator registers through /login, enters a facility through the form (location in 南关区),
// adds a class and the staff the national standard requires, fills the filing documents and
// submits; a district health regulator signs in, finds the filing in the queue and approves it, and
// the page shows the registration number. Screenshots of each console at desktop and phone width
// go to test/artifacts/.
import type { Locator, Page } from 'playwright-core';
import { compliantFacility, PLACES } from '../factories/registry.js';
import { bearer, createUser, TEST_PASSWORD, unique } from '../helpers/app.js';
import { withConsole } from '../helpers/console.js';
import { WAIT, DESKTOP, PHONE, expectNoHorizontalScroll, see, signOut } from '../helpers/page.js';

// --- identifiers with correct check characters (computed here, independently of the app) ---------

/** GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits. */
function residentIdCheck(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return '10X98765432'[sum % 11]!;
}

/** GB 32100-2015: MOD 31 over the first 17 characters. */
function creditCodeCheck(first17: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((total, char, i) => total + alphabet.indexOf(char) * weights[i]!, 0);
  return alphabet[(31 - (sum % 31)) % 31]!;
}

const random = (digits: number) => String(Math.floor(Math.random() * 10 ** digits)).padStart(digits, '0');

/** A resident ID of someone born in 1980–1999 in 南关区, unique enough not to meet earlier runs' staff. */
function residentId(): string {
  const born = new Date(Date.UTC(1980, 0, 1) + Math.floor(Math.random() * 7000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `220102${born}${random(3)}`;
  return first17 + residentIdCheck(first17);
}

function creditCode(): string {
  const first17 = `91220102MA${random(7)}`;
  return first17 + creditCodeCheck(first17);
}

/** A date `days` from today, `YYYY-MM-DD`. */
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

// --- page helpers -----------------------------------------------------------------------------

/** Waits for a success notice; when an error shows instead, fails with its text. */
async function expectSuccess(page: Page, success: Locator, what: string): Promise<void> {
  const failure = page.locator('.notice--error, .error-summary, .refusal');
  await Promise.race([success.waitFor(WAIT), failure.first().waitFor(WAIT)]);
  if (await failure.first().isVisible()) throw new Error(`${what}: ${(await failure.allInnerTexts()).join(' | ')}`);
}

/**
 * Each field, scrolled to the bottom edge of the window (where the form's sticky save bar is) and then focused as a
 * click or Tab would, ends up above the bar; the bar is opaque and on top, so nothing under it shows through.
 */
async function expectClearOfSaveBar(page: Page, fields: string[]): Promise<void> {
  for (const field of fields) {
    await page.evaluate((selector) => {
      const box = document.querySelector(selector)!.getBoundingClientRect();
      window.scrollBy(0, box.bottom - window.innerHeight);
    }, field);
    await page.locator(field).focus();
    const seen = await page.evaluate((selector) => {
      const bar = document.querySelector('.form-actions--sticky')!;
      const barBox = bar.getBoundingClientRect();
      const fieldBox = document.querySelector(selector)!.getBoundingClientRect();
      const atBar = document.elementFromPoint(barBox.left + barBox.width - 4, barBox.top + barBox.height / 2);
      return {
        fieldTop: fieldBox.top,
        fieldBottom: fieldBox.bottom,
        barTop: barBox.top,
        background: getComputedStyle(bar).backgroundColor,
        barOnTop: atBar !== null && bar.contains(atBar),
      };
    }, field);
    expect(seen.fieldTop).toBeGreaterThanOrEqual(0);
    expect(seen.fieldBottom).toBeLessThanOrEqual(seen.barTop);
    expect(seen.background).toBe('rgb(255, 255, 255)');
    expect(seen.barOnTop).toBe(true);
  }
}

interface StaffInput {
  name: string;
  role: 'director' | 'caregiver' | 'health' | 'security';
  education?: string;
  experienceYears?: string;
  className?: string;
  /** The qualification the role's first row offers (the form fills the type in). */
  qualification: string;
}

async function addStaff(page: Page, staff: StaffInput): Promise<void> {
  await page.getByRole('button', { name: '添加工作人员', exact: true }).click();
  const form = page.locator('form.staff-form');
  await form.waitFor(WAIT);
  await page.locator('#staff-name').fill(staff.name);
  await page.locator('#staff-role').selectOption(staff.role);
  await page.locator('#staff-idNumber').fill(residentId());
  await page.locator('#staff-hiredOn').fill(inDays(-400));
  if (staff.education) await page.locator('#staff-education').selectOption(staff.education);
  if (staff.experienceYears) await page.locator('#staff-experienceYears').fill(staff.experienceYears);
  if (staff.className) await form.getByRole('checkbox', { name: staff.className }).check();
  await page.locator('#staff-healthCertificate-number').fill(`JK-${random(6)}`);
  await page.locator('#staff-healthCertificate-expiresOn').fill(inDays(300));
  expect(await page.locator('#staff-qualifications-0-type').inputValue()).toBe(staff.qualification);
  await page.locator('#staff-qualifications-0-number').fill(`Q-${random(6)}`);
  await page.locator('#staff-qualifications-0-issuedOn').fill(inDays(-700));
  await page.locator('#staff-qualifications-0-expiresOn').fill(inDays(900));
  if (staff.role === 'security') await page.locator('#staff-employer').fill('长春市保安服务有限公司');
  await page.locator('#staff-backgroundChecked').check();
  await form.locator('button[type="submit"]').click();
  await expectSuccess(page, page.locator('.notice--success', { hasText: staff.name }), `adding ${staff.role}`);
  await page.locator('li.staff-card', { hasText: staff.name }).waitFor(WAIT);
}

// --- the test -----------------------------------------------------------------------------------

describe('operator and regulator consoles', () => {
  const web = withConsole(DESKTOP, { prefix: 'consoles' });

  it('registers an operator, files a facility through the forms, and a health regulator approves it', async () => {
    const { page, errors } = await web.open();
    const operator = unique('op')
      .replace(/[^A-Za-z0-9_.-]/g, '')
      .slice(0, 40);
    // A name no factory makes: the factories' `阳光宝贝托育中心 <n>` made `… 3633` match `… 363385` of another suite.
    const facilityName = `朝阳花园托育中心 ${random(4)}号`;
    const className = '托小一班';

    // The map links to sign-in.
    await page.goto(web.baseUrl);
    await page.locator('#account-link').click();
    await page.waitForURL(/\/login$/, WAIT);

    // Register as an operator, then sign in (the username is filled in).
    await page.locator('#register-username').fill(operator);
    await page.locator('#register-password').fill(TEST_PASSWORD);
    await page.locator('#register-display-name').fill('张经理');
    await page.locator('form[aria-labelledby="register-title"] button[type="submit"]').click();
    await expectSuccess(page, page.locator('.notice--success', { hasText: operator }), 'registering');
    expect(await page.locator('#login-username').inputValue()).toBe(operator);
    await web.shot(page, 'login-desktop', false);
    await page.locator('#login-password').fill(TEST_PASSWORD);
    await page.locator('form[aria-labelledby="login-title"] button[type="submit"]').click();
    await page.waitForURL(/\/console\/operator$/, WAIT);
    await page.locator('.empty-state').waitFor(WAIT);

    // The profile form: a client-side check first (nothing filled in), then every field.
    await page.getByRole('link', { name: '登记新机构' }).first().click();
    await page.waitForURL(/\/console\/operator\/facilities\/new$/, WAIT);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.locator('.error-summary').waitFor(WAIT);
    expect(await page.locator('#facility-name-error').isVisible()).toBe(true);

    // A click on the map sets the point; the exact one is then typed.
    const map = page.locator('.location-picker__map');
    await map.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('.location-picker__map .leaflet-overlay-pane path') !== null, undefined, WAIT);
    await map.click({ position: { x: 120, y: 100 } });
    expect(await page.locator('#facility-location-lat').inputValue()).toMatch(/^\d+\.\d{6}$/);
    await page.locator('.location-picker .leaflet-marker-icon').waitFor(WAIT);

    await page.locator('#facility-name').fill(facilityName);
    await page.locator('#facility-creditCode').fill(creditCode());
    await page.locator('#facility-kind').selectOption('centre');
    await page.locator('#facility-ownership').selectOption('private');
    await page.getByRole('checkbox', { name: '全日托' }).check();
    await page.locator('#facility-affordable').check();
    await page.locator('#facility-address').fill('长春市南关区人民大街 1000 号');
    await page.locator('#facility-location-lat').fill('43.8650');
    await page.locator('#facility-location-lng').fill('125.3350');
    await page.locator('#facility-floors').fill('1,2');
    await page.locator('#facility-exitCount').fill('2');
    await page.locator('#facility-indoorAreaM2').fill('400');
    await page.locator('#facility-outdoorAreaM2').fill('200');
    await page.locator('#facility-monthlyFee').fill('2600');
    await page.locator('#facility-phone').fill('0431-88880000');
    await page.locator('#facility-openingHours').fill('07:30-17:30');
    await page.locator('#facility-surveillance').check();
    expect(await page.locator('#facility-servesMeals').isChecked()).toBe(false);
    // The four documents every filing needs are offered as rows: legal entity, premises, fire safety, health evaluation.
    const documents: [string, string][] = [
      ['YYZZ', inDays(-800)],
      ['FC', inDays(-2000)],
      ['XF', inDays(-300)],
      ['WS', inDays(-200)],
    ];
    for (const [index, [prefix, issuedOn]] of documents.entries()) {
      await page.locator(`#facility-documents-${index}-number`).fill(`${prefix}-${random(4)}`);
      await page.locator(`#facility-documents-${index}-issuedOn`).fill(issuedOn);
    }
    expect(await page.locator('#facility-documents-0-type').inputValue()).toBe('legal_entity');
    await page.locator('#facility-documents-0-scopeIncludesChildcare').check();
    await page.locator('#facility-documents-1-tenure').selectOption('owned');
    await page.locator('#facility-documents-2-expiresOn').fill(inDays(1000));
    await page.locator('#facility-documents-3-rating').selectOption('qualified');
    await web.shot(page, 'facility-form-desktop');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/console\/operator\/facilities\/[0-9a-f-]{36}\?created=1$/, WAIT);
    const facilityUrl = page.url().replace(/\?.*$/, '');
    await page.locator('.page-heading .badge--draft').waitFor(WAIT);
    await page.locator('.facility-header', { hasText: '南关区' }).waitFor(WAIT); // the unit follows from the location

    // Someone else changes the facility (here: the same operator through the API), so the form's
    // If-Match is stale: the page says so and reloads; saving again then works.
    const facilityId = facilityUrl.split('/').pop()!;
    const token = await page.evaluate(
      () => (JSON.parse(sessionStorage.getItem('childcare.session') ?? '{}') as { accessToken?: string }).accessToken,
    );
    await web.api
      .http()
      .patch(`/api/v1/facilities/${facilityId}`)
      .set({ Authorization: `Bearer ${token}`, 'If-Match': '"1"' })
      .send({ phone: '0431-88880001' })
      .expect(200);
    await page.locator('#facility-monthlyFee').fill('2800');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.notice--warning', { hasText: '其他人修改' }).waitFor(WAIT);
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('#facility-phone')?.value === '0431-88880001',
      undefined,
      WAIT,
    );
    expect(await page.locator('#facility-monthlyFee').inputValue()).toBe('2600');
    await page.locator('#facility-monthlyFee').fill('2800');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expectSuccess(page, page.locator('.notice--success', { hasText: '已保存' }), 'saving the profile');

    // A class.
    await page.getByRole('tab', { name: '班级与托位' }).click();
    await page.locator('#new-class-name').fill(className);
    await page.locator('#new-class-ageGroup').selectOption('toddler');
    await page.locator('#new-class-places').fill('15');
    await page.locator('#new-class-enrolled').fill('5');
    await page.getByRole('button', { name: '添加班级' }).click();
    await expectSuccess(page, page.locator('.notice--success', { hasText: '班级已添加' }), 'adding a class');
    const classCard = page.locator('li.class-card', { hasText: className });
    await classCard.waitFor(WAIT);
    expect(await classCard.innerText()).toContain('10'); // vacancies
    // Edited in place (PATCH with the class's version as If-Match).
    await classCard.getByRole('button', { name: /^修改/ }).click();
    await classCard.locator('input[id$="-places"]').fill('12');
    await classCard.getByRole('button', { name: '保存', exact: true }).click();
    await expectSuccess(page, page.locator('.notice--success', { hasText: '班级已更新' }), 'editing the class');
    await classCard.locator('.figures-row', { hasText: '7' }).waitFor(WAIT); // 12 places − 5 enrolled

    // Submitting now is refused, with every unmet requirement listed beside the button.
    await page.getByRole('tab', { name: '合规与备案' }).click();
    await page.getByRole('button', { name: '提交备案' }).click();
    const refusal = page.locator('#submit-refusal');
    await refusal.waitFor(WAIT);
    expect(await refusal.locator('li[data-code="missing_role"]').count()).toBeGreaterThan(0);
    await page.locator('.check--failed').first().waitFor(WAIT);
    // Words, not codes: neither the refusal nor the checks show a rule's code (missing_role, carer_ratio, …).
    const codeLike = /\b[a-z]+(_[a-z0-9]+)+\b/;
    expect(await refusal.innerText()).not.toMatch(codeLike);
    expect(await page.locator('.check-list').innerText()).not.toMatch(codeLike);

    // The staff the national standard requires.
    await page.getByRole('tab', { name: '工作人员' }).click();
    await addStaff(page, {
      name: '王园长',
      role: 'director',
      education: 'junior_college',
      experienceYears: '5',
      qualification: 'director_training',
    });
    await addStaff(page, { name: '李保育', role: 'caregiver', className, qualification: 'childcare_worker' });
    await addStaff(page, { name: '赵保健', role: 'health', qualification: 'health_training' });
    await addStaff(page, { name: '刘保安', role: 'security', qualification: 'security_guard' });
    const masked = await page.locator('li.staff-card .masked-id').allInnerTexts();
    expect(masked).toHaveLength(4);
    for (const id of masked) expect(id).toMatch(/^2201\*{10}[\dX]{4}$/);

    // Compliance, then submit.
    await page.getByRole('tab', { name: '合规与备案' }).click();
    await page.locator('.check-list .check').first().waitFor(WAIT);
    await page.getByRole('button', { name: '提交备案' }).click();
    await expectSuccess(page, page.locator('.notice--success', { hasText: '已提交备案' }), 'submitting');
    await page.locator('.page-heading .badge--submitted').waitFor(WAIT);
    await web.shot(page, 'operator-facility-desktop');

    await page.getByRole('link', { name: '返回列表' }).click();
    await page.locator('li.item-card', { hasText: facilityName }).locator('.badge--submitted').waitFor(WAIT);
    await web.shot(page, 'operator-desktop', false);

    // The operator's console at phone width.
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'operator-phone', false);
    await page.goto(`${facilityUrl}?tab=staff`);
    await page.locator('li.staff-card').first().waitFor(WAIT);
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'operator-facility-phone', false);
    await page.goto(`${web.baseUrl}/console/operator/facilities/new`);
    await page.locator('.location-picker__map .leaflet-overlay-pane path').first().waitFor(WAIT);
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'facility-form-phone');
    await page.setViewportSize(DESKTOP);
    await signOut(page);

    // A district health regulator finds the filing in the queue and approves it.
    const regulator = await createUser(web.api, 'regulator', { agency: 'health', regionCode: '220102' });
    await web.signIn(page, regulator);
    const queued = page.locator('#review-queue li.item-card', { hasText: facilityName });
    await queued.waitFor(WAIT);
    await web.shot(page, 'regulator-desktop', false);
    await queued.getByRole('link', { name: facilityName }).click();
    await page.waitForURL(/\/console\/regulator\/facilities\/[0-9a-f-]{36}$/, WAIT);
    await page.locator('.profile').waitFor(WAIT);
    await page.getByRole('tab', { name: '工作人员' }).click();
    await page.locator('li.staff-card').first().waitFor(WAIT);
    await page.getByRole('button', { name: '通过备案' }).click();
    await page.locator('#action-approve-text').fill('材料齐全，同意备案。');
    await page.locator('#confirm-approve').click();
    const result = page.locator('#action-result');
    await expectSuccess(page, result.and(page.locator('.notice--success')), 'approving');
    const registrationNo = /TY-220102-\d{4}-\d{4}|[A-Z0-9-]{6,}/.exec(await result.innerText())?.[0];
    expect(registrationNo).toBeTruthy();
    await page.locator('.page-heading .badge--registered').waitFor(WAIT);
    expect(await page.locator('.facility-header .registration-no').innerText()).toContain(registrationNo!);
    await web.shot(page, 'review-desktop', false);

    // Before closing, the placement plan: a table and a map (nothing is closed here).
    await page.getByRole('button', { name: '停办', exact: true }).click();
    await page.locator('.placement-table').waitFor(WAIT);
    await page.waitForFunction(() => document.querySelector('.placement-map .leaflet-overlay-pane path') !== null, undefined, WAIT);
    expect(await page.locator('.placement-table tbody tr').count()).toBe(1);
    await web.shot(page, 'placement-desktop');
    await page.getByRole('tab', { name: '工作人员' }).click();

    // The regulator's console at phone width, and in English.
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'review-phone', false);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('tab', { name: 'History' }).click();
    await page.locator('.history__entry', { hasText: 'Filing approved' }).waitFor(WAIT);
    await page.getByRole('link', { name: 'Back to the list' }).click();
    await page.locator('#search-count').waitFor(WAIT);
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'regulator-phone', false);
    await page.getByRole('button', { name: '中文', exact: true }).click();

    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('lets a health regulator return, suspend, reinstate and close (after the placement plan), and other agencies only read', async () => {
    const { page, errors } = await web.open();
    // A registered facility with free places, and 700 m from it the one under review.
    const { owner, health } = await web.registered({ overrides: { location: PLACES.nanguan }, cls: { places: 15, enrolled: 3 } });
    const fire = await createUser(web.api, 'regulator', { agency: 'fire', regionCode: '220100' });
    const reviewed = await compliantFacility(web.api, owner, { location: PLACES.nanguan2 }, { places: 15, enrolled: 4 });
    await web.api.http().post(`/api/v1/facilities/${reviewed.id}/submit`).set(bearer(owner)).expect(200);
    const reviewUrl = `${web.baseUrl}/console/regulator/facilities/${reviewed.id}`;
    const heading = page.locator('.page-heading');
    const result = page.locator('#action-result');

    // A console link without a session goes to /login and comes back after signing in.
    await page.goto(reviewUrl);
    await page.waitForURL(/\/login\?next=/, WAIT);
    await page.locator('#login-username').fill(health.username);
    await page.locator('#login-password').fill(TEST_PASSWORD);
    await page.locator('form[aria-labelledby="login-title"] button[type="submit"]').click();
    await page.waitForURL(reviewUrl, WAIT);

    // Returned with a reason: back to draft.
    await page.getByRole('button', { name: '退回修改' }).click();
    await page.locator('#confirm-reject').click();
    await page.locator('#action-reject-text-error').waitFor(WAIT); // the reason is required
    await page.locator('#action-reject-text').fill('消防安全合格证明已过期，请更新后重新提交。');
    await page.locator('#confirm-reject').click();
    await expectSuccess(page, result.and(page.locator('.notice--success')), 'returning');
    await heading.locator('.badge--draft').waitFor(WAIT);
    await page.locator('.facility-header', { hasText: '消防安全合格证明已过期' }).waitFor(WAIT);

    // Resubmitted and approved (through the API), then suspended and reinstated here.
    await web.api.http().post(`/api/v1/facilities/${reviewed.id}/submit`).set(bearer(owner)).expect(200);
    await web.api.http().post(`/api/v1/facilities/${reviewed.id}/approve`).set(bearer(health)).send({}).expect(200);
    await page.reload();
    await heading.locator('.badge--registered').waitFor(WAIT);
    await page.getByRole('button', { name: '暂停', exact: true }).click();
    await page.locator('#action-suspend-text').fill('晨检记录缺失，暂停整改。');
    await page.locator('#confirm-suspend').click();
    await expectSuccess(page, result.and(page.locator('.notice--success')), 'suspending');
    await heading.locator('.badge--suspended').waitFor(WAIT);
    await page.getByRole('button', { name: '恢复', exact: true }).click();
    await page.locator('#confirm-reinstate').click();
    await expectSuccess(page, result.and(page.locator('.notice--success')), 'reinstating');
    await heading.locator('.badge--registered').waitFor(WAIT);

    // Closing: the placement plan first (receiving facilities in the table and on the map), then the reason.
    await page.getByRole('button', { name: '停办', exact: true }).click();
    await page.locator('.placement-table__list li').first().waitFor(WAIT);
    await page.waitForFunction(() => document.querySelectorAll('.placement-map path.leaflet-interactive').length >= 2, undefined, WAIT);
    await page.locator('#review-close-reason').fill('举办者申请停办。');
    await page.getByRole('button', { name: '停办机构' }).click();
    await page.getByRole('button', { name: '确认停办' }).click();
    await expectSuccess(page, page.locator('.notice--success', { hasText: '机构已停办' }), 'closing');
    await heading.locator('.badge--closed').waitFor(WAIT);
    await page.locator('.placement-table').waitFor(WAIT);
    await web.shot(page, 'closed-desktop');
    await signOut(page);

    // A fire regulator sees the record, read-only.
    await web.signIn(page, fire);
    await page.goto(reviewUrl);
    await see(page, page.locator('.actions-panel', { hasText: '只可查看' }));
    expect(await page.getByRole('button', { name: '暂停', exact: true }).count()).toBe(0);
    await page.getByRole('tab', { name: '停办' }).click();
    await page.locator('.placement-table').waitFor(WAIT);
    expect(await page.locator('#review-close-reason').count()).toBe(0);
    await signOut(page);

    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('saves a draft with its name and location only (issue #18, item 5); submission lists everything still missing', async () => {
    const WIDE = { width: 1366, height: 860 };
    const { page, errors } = await web.open(WIDE);
    const owner = await createUser(web.api, 'operator');
    const name = `草稿托育园 ${random(4)}号`;
    await web.signIn(page, owner);
    await page.goto(`${web.baseUrl}/console/operator/facilities/new`);
    await page.locator('.location-picker__map .leaflet-overlay-pane path').first().waitFor(WAIT);
    // The intro says what a draft needs; only the name carries the required mark.
    expect(await page.locator('.section-intro').first().innerText()).toContain('草稿只需填写机构名称和位置');
    expect(await page.locator('label[for="facility-name"]').innerText()).toContain('*');
    expect(await page.locator('label[for="facility-creditCode"]').innerText()).not.toContain('*');

    // Nothing at all: the name and location are still asked for.
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.locator('.error-summary').waitFor(WAIT);
    expect(await page.locator('#facility-name-error').isVisible()).toBe(true);
    expect(await page.locator('#facility-creditCode-error').count()).toBe(0);
    expect(await page.locator('#facility-kind-error').count()).toBe(0);

    // The name and the point, nothing else: saved.
    await page.locator('#facility-name').fill(name);
    await page.locator('#facility-location-lat').fill('43.8650');
    await page.locator('#facility-location-lng').fill('125.3350');
    // The sticky "保存草稿" bar hides no field: each coordinate, focused from the top of the page, stops above it.
    await expectClearOfSaveBar(page, ['#facility-location-lat', '#facility-location-lng']);
    await web.shot(page, 'draft-form-desktop', false);
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await expectClearOfSaveBar(page, ['#facility-location-lat', '#facility-location-lng']);
    await web.shot(page, 'draft-form-phone', false);
    await page.setViewportSize(WIDE);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/console\/operator\/facilities\/[0-9a-f-]{36}\?created=1$/, WAIT);
    const facilityId = page.url().replace(/\?.*$/, '').split('/').pop()!;
    await page.locator('.page-heading .badge--draft').waitFor(WAIT);
    await page.locator('.facility-header', { hasText: '南关区' }).waitFor(WAIT);
    const stored = await web.api.http().get(`/api/v1/facilities/${facilityId}`).set(bearer(owner)).expect(200);
    expect(stored.body).toMatchObject({ name, kind: null, creditCode: null, phone: null, documents: [] });

    // Submitting names each empty field in words (no codes shown), and the rules not met.
    await page.getByRole('tab', { name: '合规与备案' }).click();
    await page.locator('#submit-filing').click();
    const refusal = page.locator('#submit-refusal');
    await refusal.waitFor(WAIT);
    const listed = await refusal.locator('li').allInnerTexts();
    for (const field of [
      '统一社会信用代码',
      '机构类型',
      '举办性质',
      '服务类型',
      '地址',
      '所在楼层',
      '室内面积',
      '室外活动场地面积',
      '月收费',
      '联系电话',
      '服务时间',
      '安全出口数量',
    ]) {
      expect(listed).toContain(`提交备案前须填写${field}`);
    }
    expect(listed.join(' ')).not.toMatch(/required|profile_complete|has_class/);
    await web.shot(page, 'draft-submit-desktop');
    await page.setViewportSize(PHONE);
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'draft-submit-phone');
    expect((await web.api.http().get(`/api/v1/facilities/${facilityId}`).set(bearer(owner)).expect(200)).body.status).toBe('draft');

    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
