// The whole path of issue #17 in a real browser at phone width: a parent opens a facility's public page, chooses
// "apply", registers as a parent and signs in, applies for a place; the operator opens its applicants and offers a
// place (the vacancy falls at once); the parent accepts, and the child is enrolled. Every page is checked with axe
// (no serious or critical violations) and for sideways scrolling; screenshots go to test/artifacts/.
import type { Page } from 'playwright-core';
import { PLACES } from '../factories/registry.js';
import { TEST_PASSWORD, unique } from '../helpers/app.js';
import { withConsole } from '../helpers/console.js';
import { expectNoHorizontalScroll, PHONE, see, seriousA11yViolations, signIn, signOut, WAIT } from '../helpers/page.js';
import { monthsFromNow } from '../factories/applications.js';

const web = withConsole(PHONE, { prefix: 'applications' });

async function checkPage(page: Page, name: string): Promise<void> {
  await expectNoHorizontalScroll(page);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await web.shot(page, name);
}

async function vacanciesOnTheMap(facilityId: string): Promise<number> {
  const res = await web.api
    .http()
    .get(`/api/v1/public/facilities/nearby?lat=${PLACES.nanguan2.lat}&lng=${PLACES.nanguan2.lng}&radiusM=300&limit=100`);
  return res.body.items.find((i: { id: string }) => i.id === facilityId).vacancies as number;
}

it('a parent applies from the public page, the operator offers a place, the parent accepts, and the vacancy falls', async () => {
  // A toddler class of 15 places with 12 enrolled.
  const { owner, facility: f } = await web.registered({ regionCode: '220100', overrides: { location: PLACES.nanguan2 } });
  const before = await vacanciesOnTheMap(f.id);
  const { page, errors } = await web.open();

  // The public page offers "apply"; without a session it leads to sign-in, with the parent's registration first.
  await page.goto(`${web.baseUrl}/facilities/${f.id}`);
  await see(page, page.locator('#apply-link'));
  await checkPage(page, 'public-page');
  await page.locator('#apply-link').click();
  await page.waitForURL(/\/login\?next=/, WAIT);
  await see(page, page.locator('#register-account-type'));
  expect(await page.locator('#register-account-type').inputValue()).toBe('parent');
  const username = unique('parent').toLowerCase().slice(0, 40);
  const password = TEST_PASSWORD;
  await page.locator('#register-username').fill(username);
  await page.locator('#register-password').fill(password);
  await page.locator('#register-display-name').fill('王女士');
  await checkPage(page, 'register');
  await page.locator('form[aria-labelledby="register-title"] button[type="submit"]').click();
  await see(page, page.locator('form[aria-labelledby="register-title"] .notice--success'));
  await page.locator('#login-password').fill(password);
  await page.locator('form[aria-labelledby="login-title"] button[type="submit"]').click();
  await page.waitForURL(/\/console\/applications\/new\?facility=/, WAIT);

  // The application: a nickname and a birth month only; the child is 14 months old in the start month.
  await see(page, page.locator('#apply-form'));
  await page.locator('#apply-label').fill('小米');
  await page.locator('#apply-birth-month').fill(monthsFromNow(-11));
  await page.locator('#apply-start-month').fill(monthsFromNow(3));
  await checkPage(page, 'apply-form');
  await page.locator('#apply-form button[type="submit"]').click();
  await page.waitForURL(/\/console\/applications\?sent=1/, WAIT);
  await see(page, page.locator('.application-card .choice-position'));
  expect(await page.locator('.application-card').first().innerText()).toContain('排第 1 位');
  await checkPage(page, 'my-applications');
  await signOut(page);

  // The operator offers a place from its applicants list.
  await web.signIn(page, owner);
  await page.goto(`${web.baseUrl}/console/operator/facilities/${f.id}`);
  await see(page, page.locator('#applicants-link'));
  await page.locator('#applicants-link').click();
  await see(page, page.locator('.applicant'));
  expect(await page.locator('.applicant').first().innerText()).toContain('小米');
  await page.locator('.applicant').first().getByRole('button', { name: '发录取通知' }).click();
  await see(page, page.locator('.offer-form'));
  await checkPage(page, 'applicants-offer');
  await page.locator('.offer-form button[type="submit"]').click();
  await see(page, page.locator('#applicants-result'));
  expect(await vacanciesOnTheMap(f.id)).toBe(before - 1);
  await signOut(page);

  // The parent accepts: enrolled, and the place stays taken.
  await signIn(page, web.baseUrl, username, password, /\/console\/applications/);
  await see(page, page.locator('.offer-box'));
  await checkPage(page, 'offer');
  await page.getByRole('button', { name: '接受并入托' }).click();
  await see(page, page.locator('#applications-result'));
  expect(await page.locator('.application-card').first().innerText()).toContain('已入托');
  const [cls] = await web.api.db.query('SELECT enrolled, held FROM classes WHERE id = $1', [f.classId]);
  expect(cls).toEqual({ enrolled: 13, held: 0 });
  expect(await vacanciesOnTheMap(f.id)).toBe(before - 1);

  // The same page in English (`?lang=en`), as accessible.
  await page.goto(`${web.baseUrl}/console/applications?lang=en`);
  await see(page, page.locator('.application-card'));
  expect(await page.locator('h1.page-heading__title').innerText()).toBe('My applications');
  expect(await page.locator('.application-card').first().innerText()).toContain('Placed');
  await checkPage(page, 'my-applications-en');

  // The public page shows the lower vacancy too.
  await page.goto(`${web.baseUrl}/facilities/${f.id}`);
  await see(page, page.locator('#facility-classes'));
  expect(errors).toEqual([]);
}, 300_000);
