// The regulators' and the admin's facility list (`GET /facilities`), and its search box `q` (issue #19 item 1;
// docs/api.md "Facility search"): the statement is built here, apart from the service, so that the plan test
// (test/e2e/facility-search-plan.e2e-spec.ts) and the bench explain exactly what the API runs.
import { reachPredicate, type Reach } from '@lib/auth';
import type { FacilityStatus } from '@lib/standards';

/**
 * How `q` is matched. `trigram`: it has three letters or digits in a row, so pg_trgm finds trigrams in it and
 * IDX_facilities_q_trgm narrows the name, registration number and credit code to those containing it. `name_grams`:
 * it has not (most often one or two Chinese characters), pg_trgm would find no trigram and read its whole index, so
 * the name's characters and pairs of characters (the stored name_grams, IDX_facilities_name_grams) narrow the names
 * instead; one or two characters of a registration number or credit code would pick out nothing.
 */
export type QueryMatch = 'trigram' | 'name_grams';

export function queryMatch(q: string): QueryMatch {
  return /[\p{L}\p{N}]{3}/u.test(q) ? 'trigram' : 'name_grams';
}

/**
 * What name_grams must hold for a name to contain `q`: q itself when it is one or two characters (then nothing else
 * is needed), else its pairs of characters. Not its single characters as well: the planner multiplies the elements'
 * frequencies as if independent, and 托, 育 and 托育 together would look a hundred times rarer than 托育 is.
 */
export function nameGramKeys(q: string): string[] {
  const chars = [...q];
  if (chars.length <= 2) return [q];
  return [...new Set(chars.slice(1).map((c, i) => chars[i]! + c))];
}

/** `q` as an ILIKE pattern for "contains": its own %, _ and \ match themselves. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface FacilityListCriteria {
  status?: FacilityStatus;
  regionCode?: string;
  q?: string;
  /** The last row of the previous page (created_at as ISO text, id): the keyset cursor. */
  after?: readonly [string, string] | null;
  limit: number;
}

/**
 * SQL: one page of ids (and created_at, for the next cursor) of the facilities in reach matching the criteria,
 * newest first, one more than `limit` to tell whether a next page exists.
 */
export function facilityListSql(reach: Reach, c: FacilityListCriteria): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const where = [reachPredicate(reach, { unitCode: 'f.region_code', ownerId: 'f.owner_id' }, values)];
  if (c.status) where.push(`f.status = $${values.push(c.status)}`);
  if (c.regionCode) where.push(`f.region_code = $${values.push(c.regionCode)}`);
  const q = c.q?.trim();
  if (q) {
    if (queryMatch(q) === 'trigram') {
      const p = values.push(containsPattern(q));
      // credit_code is char(18): as text, the expression the trigram index has.
      where.push(`(f.name ILIKE $${p} OR f.registration_no ILIKE $${p} OR f.credit_code::text ILIKE $${p})`);
    } else {
      // Lower-cased by PostgreSQL, as name_grams is. One or two characters: holding q is containing it. Longer ("a b",
      // "1-2"): the pairs narrow, ILIKE decides.
      const keys = nameGramKeys(q).map((k) => `lower($${values.push(k)}::text)`);
      const exact = [...q].length <= 2;
      where.push(`f.name_grams @> ARRAY[${keys.join(', ')}]${exact ? '' : ` AND f.name ILIKE $${values.push(containsPattern(q))}`}`);
    }
  }
  if (c.after) {
    where.push(`(f.created_at, f.id) < ($${values.push(c.after[0])}::timestamptz, $${values.push(c.after[1])}::uuid)`);
  }
  return {
    text: `SELECT f.id, f.created_at FROM facilities f WHERE ${where.join(' AND ')}
            ORDER BY f.created_at DESC, f.id DESC LIMIT $${values.push(c.limit + 1)}`,
    values,
  };
}
