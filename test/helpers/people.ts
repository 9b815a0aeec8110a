// The e2e suites' common set-up, once: the API and the worker started before a suite's tests and closed after them,
// and the people the suite acts as, by the names the suites use, each a fresh account signed in before the tests.
import type { INestApplicationContext } from '@nestjs/common';
import type { Agency, Role } from '@lib/auth';
import { createUser, startApi, startWorker, type TestApi, type TestUser } from './app.js';

/** Who each name is: districts 220102 (南关区) and 220103 (宽城区), the city 220100 (长春市). */
const PEOPLE = {
  owner: ['operator'],
  otherOwner: ['operator'],
  nanguanHealth: ['regulator', { agency: 'health', regionCode: '220102' }],
  nanguanMarket: ['regulator', { agency: 'market', regionCode: '220102' }],
  kuanchengHealth: ['regulator', { agency: 'health', regionCode: '220103' }],
  cityHealth: ['regulator', { agency: 'health', regionCode: '220100' }],
  cityFire: ['regulator', { agency: 'fire', regionCode: '220100' }],
  admin: ['admin'],
} satisfies Record<string, [Role, { agency: Agency; regionCode: string }?]>;

export type Person = keyof typeof PEOPLE;

/**
 * The named people, as objects a suite can name at its top level; `withApiAndWorker` fills each in (a fresh account,
 * signed in) before the suite's tests run.
 */
export function people<P extends Person>(...names: P[]): Record<P, TestUser> {
  return Object.fromEntries(names.map((name) => [name, {} as TestUser])) as Record<P, TestUser>;
}

/** Registers the suite's beforeAll (the API, the worker, then `cast` signed in; `started` gets the API) and afterAll. */
export function withApiAndWorker(started: (api: TestApi) => void, cast: Partial<Record<Person, TestUser>>): void {
  let api: TestApi | undefined;
  let worker: INestApplicationContext | undefined;
  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    for (const [name, user] of Object.entries(cast) as [Person, TestUser][]) {
      const [role, extra] = PEOPLE[name];
      Object.assign(user, await createUser(api, role, extra));
    }
    started(api);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });
}
