// A person listed at two facilities, in a real browser against the real API (in this process): the operator who
// entered the later record is told the person is listed elsewhere but not where; the operator of the first record is
// told nothing (the ID number is no oracle); a city health regulator sees where, a district one outside the other
// facility's district sees only that it is outside their area; a health regulator of the later record's district ends
// that record through the form (reason required), and the warning goes. Desktop and phone width, zh-CN and English;
// axe finds no serious or critical violations. Screenshots go to test/artifacts/staff-*.png.
import { PLACES, residentId, staffBody } from '../factories/registry.js';
import { bearer, createUser, type TestUser } from '../helpers/app.js';
import { withConsole } from '../helpers/console.js';
import { DESKTOP, PHONE, WAIT, expectNoHorizontalScroll, see, seriousA11yViolations, signOut } from '../helpers/page.js';

describe('a person listed at two facilities', () => {
  const web = withConsole(DESKTOP, { prefix: 'staff' });

  it('warns each side as far as it may know, and a health regulator ends the later record through the form', async () => {
    const { page, errors } = await web.open();
    const { owner: nanguanOwner, health: nanguanHealth, facility: first } = await web.registered();
    const {
      owner: kuanchengOwner,
      health: kuanchengHealth,
      facility: later,
    } = await web.registered({ regionCode: '220103', overrides: { location: PLACES.kuancheng } });
    const cityHealth = await createUser(web.api, 'regulator', { agency: 'health', regionCode: '220100' });
    const cityFire = await createUser(web.api, 'regulator', { agency: 'fire', regionCode: '220100' });
    const name = async (facilityId: string, user: TestUser) =>
      (await web.api.http().get(`/api/v1/facilities/${facilityId}`).set(bearer(user)).expect(200)).body.name as string;
    const firstName = await name(first.id, nanguanOwner);
    const laterName = await name(later.id, kuanchengOwner);
    const idNumber = residentId();
    const addPerson = async (facilityId: string, owner: TestUser, personName: string) =>
      web.api
        .http()
        .post(`/api/v1/facilities/${facilityId}/staff`)
        .set(bearer(owner))
        .send(staffBody('caregiver', { idNumber, name: personName }))
        .expect(201);
    await addPerson(first.id, nanguanOwner, '多处登记甲');
    await addPerson(later.id, kuanchengOwner, '多处登记乙');

    const card = (personName: string) => page.locator('li.staff-card', { hasText: personName });
    const openStaff = async (user: TestUser, url: string) => {
      await web.signIn(page, user);
      await page.goto(url);
      await page.getByRole('tab', { name: '工作人员', exact: true }).click();
    };

    // The operator of the later record: told the person is listed elsewhere, not where.
    await openStaff(kuanchengOwner, `${web.baseUrl}/console/operator/facilities/${later.id}`);
    await see(page, card('多处登记乙').locator('.staff-card__multi'));
    expect(await card('多处登记乙').locator('.staff-card__multi').innerText()).toBe('此人同时登记在其他机构，监管部门将核查');
    expect(await page.locator('body').innerText()).not.toContain(firstName);
    expect(await card('多处登记乙').getByRole('button', { name: '结束此登记' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await web.shot(page, 'operator-later');
    await signOut(page);

    // The operator of the first record: no warning at all.
    await openStaff(nanguanOwner, `${web.baseUrl}/console/operator/facilities/${first.id}`);
    await see(page, card('多处登记甲'));
    expect(await card('多处登记甲').locator('.staff-card__multi').count()).toBe(0);
    await signOut(page);

    // A city health regulator sees where; a district one sees only that the other record is outside the district.
    await openStaff(cityHealth, `${web.baseUrl}/console/regulator/facilities/${first.id}`);
    await see(page, card('多处登记甲').locator('.staff-card__multi'));
    expect(await card('多处登记甲').locator('.staff-card__multi').innerText()).toBe(`此人同时登记在：${laterName}`);
    await signOut(page);
    await openStaff(nanguanHealth, `${web.baseUrl}/console/regulator/facilities/${first.id}`);
    await see(page, card('多处登记甲').locator('.staff-card__multi'));
    expect(await card('多处登记甲').locator('.staff-card__multi').innerText()).toBe('此人同时登记在您辖区以外的机构');
    await signOut(page);

    // A fire regulator may look but not settle it.
    await openStaff(cityFire, `${web.baseUrl}/console/regulator/facilities/${later.id}`);
    await see(page, card('多处登记乙').locator('.staff-card__multi'));
    expect(await card('多处登记乙').getByRole('button', { name: '结束此登记' }).count()).toBe(0);
    await signOut(page);

    // The later record's district health regulator ends it, at phone width: the reason is required.
    await page.setViewportSize(PHONE);
    await openStaff(kuanchengHealth, `${web.baseUrl}/console/regulator/facilities/${later.id}`);
    await see(page, card('多处登记乙').locator('.staff-card__multi'));
    await card('多处登记乙').getByRole('button', { name: '结束此登记' }).click();
    const confirm = card('多处登记乙').getByRole('button', { name: '确认结束' });
    await see(page, confirm);
    expect(await confirm.isDisabled()).toBe(true);
    await card('多处登记乙').getByLabel('结束理由（记入审计记录）').fill('经核实，该人员已从本机构离职');
    expect(await confirm.isDisabled()).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await expectNoHorizontalScroll(page);
    await web.shot(page, 'end-listing-phone');
    await confirm.click();
    await see(page, page.locator('.notice--success', { hasText: '已结束多处登记乙在本机构的登记' }));
    await page.waitForFunction(() => !document.querySelector('li.staff-card .staff-card__multi'), null, WAIT);

    // The server agrees: the record has ended, and neither side is marked any more (asked by a user who has not
    // signed out in the browser, which revokes every token of the user).
    const reader = await createUser(web.api, 'regulator', { agency: 'health', regionCode: '220100' });
    const roster = async (facilityId: string, user: TestUser) =>
      (await web.api.http().get(`/api/v1/facilities/${facilityId}/staff?limit=100`).set(bearer(user)).expect(200)).body.items as {
        name: string;
        endedOn: string | null;
        multiListed: boolean;
      }[];
    expect((await roster(later.id, reader)).find((m) => m.name === '多处登记乙')).toMatchObject({
      endedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      multiListed: false,
    });
    expect((await roster(first.id, reader)).find((m) => m.name === '多处登记甲')).toMatchObject({ endedOn: null, multiListed: false });

    // In English, the ended record shows no warning and no button.
    await page.locator('.console-header button[lang="en"], header button[lang="en"]').first().click();
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, WAIT);
    await see(page, card('多处登记乙'));
    expect(await page.getByRole('button', { name: 'End this listing' }).count()).toBe(0);
    await see(page, page.locator('.notice--success', { hasText: "多处登记乙's listing at this facility has ended" }));
    await page.setViewportSize(DESKTOP);
    await web.shot(page, 'ended-en');
    await page.evaluate(() => window.localStorage.setItem('childcare.lang', 'zh-CN'));
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
