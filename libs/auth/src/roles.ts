import { isCityLevel, unitInRegion, type Agency, type UserRole } from '@lib/standards';

// The roles and agencies are defined once, with their labels, in libs/standards.
export { USER_ROLES as ROLES, STAFF_ACCOUNT_ROLES, ACCOUNT_TYPES, AGENCIES, type AccountType, type Agency } from '@lib/standards';
export type Role = UserRole;

/** Who is calling, as the access token says. */
export interface Actor {
  id: string;
  username: string;
  role: Role;
  agency: Agency | null;
  regionCode: string | null;
}

/** One way a route may be allowed to a signed-in caller. */
export type Grant =
  { role: 'admin' } | { role: 'operator' } | { role: 'parent' } | { role: 'regulator'; agencies?: readonly Agency[]; cityLevel?: boolean };

/**
 * Every route declares exactly one policy (start-up fails otherwise). `signed_in` is any staff account (operator,
 * regulator, admin): parents reach only the public routes, routes that grant `parent` by name, and `any_user` ones
 * (their own account).
 */
export type Policy = { kind: 'public' } | { kind: 'signed_in' } | { kind: 'any_user' } | { kind: 'grants'; grants: readonly Grant[] };

export type Decision = 'allow' | 'unauthenticated' | 'forbidden';

export function decide(policy: Policy, actor: Actor | null): Decision {
  if (policy.kind === 'public') return 'allow';
  if (!actor) return 'unauthenticated';
  if (policy.kind === 'any_user') return 'allow';
  if (policy.kind === 'signed_in') return actor.role === 'parent' ? 'forbidden' : 'allow';
  return policy.grants.some((g) => grantMatches(g, actor)) ? 'allow' : 'forbidden';
}

function grantMatches(grant: Grant, actor: Actor): boolean {
  if (grant.role !== actor.role) return false;
  if (grant.role !== 'regulator') return true;
  if (grant.agencies && (!actor.agency || !grant.agencies.includes(actor.agency))) return false;
  if (grant.cityLevel && !(actor.regionCode && isCityLevel(actor.regionCode))) return false;
  return true;
}

/**
 * What a caller may see, as a query scope: everything (admin), the units of a region (regulator),
 * its own objects (operator). Repositories turn it into SQL with `reachPredicate`.
 */
export type Reach = { kind: 'all' } | { kind: 'region'; regionCode: string } | { kind: 'owner'; ownerId: string };

export function reachOf(actor: Actor): Reach {
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'regulator':
      if (!actor.regionCode) throw new Error(`regulator ${actor.id} has no region`);
      return { kind: 'region', regionCode: actor.regionCode };
    case 'operator':
    case 'parent':
      // A parent owns no facility: within reach of the registry's queries it sees nothing (and its routes are
      // refused before a query runs).
      return { kind: 'owner', ownerId: actor.id };
    default: {
      const unreachable: never = actor.role;
      throw new Error(`unknown role ${String(unreachable)}`);
    }
  }
}

/** Whether an object with this unit and owner is in reach (the in-memory twin of `reachPredicate`). */
export function inReach(reach: Reach, object: { unitCode: string | null; ownerId: string | null }): boolean {
  switch (reach.kind) {
    case 'all':
      return true;
    case 'region':
      return object.unitCode !== null && unitInRegion(object.unitCode, reach.regionCode);
    case 'owner':
      return object.ownerId === reach.ownerId;
  }
}

/**
 * A parameterised SQL predicate for a reach. `columns` name the unit-code and owner columns of the
 * scoped table; parameters are appended to `params`.
 */
export function reachPredicate(reach: Reach, columns: { unitCode: string; ownerId: string }, params: unknown[]): string {
  switch (reach.kind) {
    case 'all':
      return 'TRUE';
    case 'region': {
      if (!isCityLevel(reach.regionCode)) return `${columns.unitCode} = $${params.push(reach.regionCode)}`;
      // The city's units share its first four digits: a range, so that the index on the unit code serves it
      // (left(code, 4) = … read every facility: 33 ms a request at national scale, bench/README.md).
      const city = reach.regionCode.slice(0, 4);
      return `${columns.unitCode} BETWEEN $${params.push(`${city}00`)} AND $${params.push(`${city}99`)}`;
    }
    case 'owner':
      params.push(reach.ownerId);
      return `${columns.ownerId} = $${params.length}`;
  }
}
