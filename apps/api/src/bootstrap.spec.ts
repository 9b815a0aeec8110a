import { firstAdminPlan } from './bootstrap.js';

describe('the first admin', () => {
  it('is left alone when an admin exists', () => {
    expect(firstAdminPlan('production', undefined, true)).toEqual({ kind: 'exists' });
  });
  it('is created from ADMIN_PASSWORD without printing it', () => {
    expect(firstAdminPlan('production', 'from-the-environment', false)).toEqual({
      kind: 'create',
      password: 'from-the-environment',
      print: false,
    });
  });
  it('stops a production start when there is no ADMIN_PASSWORD', () => {
    expect(firstAdminPlan('production', undefined, false)).toEqual({ kind: 'refuse' });
  });
  it('gets a generated password, printed once, outside production', () => {
    const plan = firstAdminPlan('demo', undefined, false);
    expect(plan).toMatchObject({ kind: 'create', print: true });
    expect(plan.kind === 'create' && plan.password.length).toBeGreaterThanOrEqual(16);
  });
});
