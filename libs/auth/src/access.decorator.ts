import { SetMetadata } from '@nestjs/common';
import type { Agency, Grant, Policy } from './roles.js';

export const POLICY_KEY = 'childcare:policy';

const declare = (policy: Policy) => SetMetadata(POLICY_KEY, policy);

/** Route policies. Every handler (or its controller) carries exactly one. */
export const Access = {
  public: () => declare({ kind: 'public' }),
  /** Any staff account (operator, regulator, admin); not parents. */
  signedIn: () => declare({ kind: 'signed_in' }),
  /** Any signed-in account, parents included (their own account). */
  anyUser: () => declare({ kind: 'any_user' }),
  parent: () => declare({ kind: 'grants', grants: [{ role: 'parent' }] }),
  grants: (...grants: Grant[]) => declare({ kind: 'grants', grants }),
  admin: () => declare({ kind: 'grants', grants: [{ role: 'admin' }] }),
  operator: () => declare({ kind: 'grants', grants: [{ role: 'operator' }] }),
  regulator: (agencies?: Agency[]) => declare({ kind: 'grants', grants: [{ role: 'regulator', ...(agencies ? { agencies } : {}) }] }),
};
