import { FACILITY_STATUSES } from '@lib/standards';
import { LIFECYCLE, transition, type LifecycleAction } from './lifecycle.js';

describe('the filing lifecycle', () => {
  it('submits a draft, approves or rejects a submission', () => {
    expect(transition('draft', 'submit')).toBe('submitted');
    expect(transition('submitted', 'approve')).toBe('registered');
    expect(transition('submitted', 'reject')).toBe('draft');
  });
  it('suspends a registered facility and reinstates a suspended one', () => {
    expect(transition('registered', 'suspend')).toBe('suspended');
    expect(transition('suspended', 'reinstate')).toBe('registered');
  });
  it('closes a registered or suspended facility, and nothing leaves closed', () => {
    expect(transition('registered', 'close')).toBe('closed');
    expect(transition('suspended', 'close')).toBe('closed');
    for (const action of Object.keys(LIFECYCLE) as LifecycleAction[]) expect(transition('closed', action)).toBeNull();
  });
  it('refuses every other pair (409)', () => {
    const allowed = new Set([
      'draft:submit',
      'submitted:approve',
      'submitted:reject',
      'registered:suspend',
      'suspended:reinstate',
      'registered:close',
      'suspended:close',
    ]);
    for (const status of FACILITY_STATUSES) {
      for (const action of Object.keys(LIFECYCLE) as LifecycleAction[]) {
        expect({ pair: `${status}:${action}`, allowed: transition(status, action) !== null }).toEqual({
          pair: `${status}:${action}`,
          allowed: allowed.has(`${status}:${action}`),
        });
      }
    }
  });
});
