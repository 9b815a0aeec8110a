import { todayInShanghai } from '@lib/standards';
import { DOMAINS, type Checklist, type ChecklistItem, type Domain } from '../inspection-rules.types.js';
import { BUILDING_CHECKLISTS } from './building.js';
import { FIRE_CHECKLISTS } from './fire.js';
import { FOOD_CHECKLISTS } from './food.js';
import { HYGIENE_CHECKLISTS } from './hygiene.js';

export { RULE_DOCUMENTS, SECOND_RELEASE_FROM } from './documents.js';
export { BUILDING_CHECKLISTS, FIRE_CHECKLISTS, FOOD_CHECKLISTS, HYGIENE_CHECKLISTS };

/** Every version of every domain's checklist, oldest first within a domain. */
const BY_DOMAIN: Readonly<Record<Domain, readonly Checklist[]>> = {
  fire: FIRE_CHECKLISTS,
  food: FOOD_CHECKLISTS,
  building: BUILDING_CHECKLISTS,
  hygiene: HYGIENE_CHECKLISTS,
};

/**
 * All versions of all checklists (docs/domain.md "Inspection checklists"), by domain in DOMAINS order and version.
 * The checklists are frozen: inspections are evaluated against them for as long as they are stored.
 */
export const CHECKLISTS: readonly Checklist[] = Object.freeze(
  DOMAINS.flatMap((d) => [...BY_DOMAIN[d]].sort((a, b) => a.version - b.version)).map(freezeChecklist),
);

function freezeChecklist(c: Checklist): Checklist {
  c.items.forEach((item) => Object.freeze(item));
  Object.freeze(c.items);
  return Object.freeze(c);
}

function versionsOf(domain: Domain): Checklist[] {
  const versions = CHECKLISTS.filter((c) => c.domain === domain);
  if (versions.length === 0) throw new RangeError(`no checklist for domain ${String(domain)}`);
  return versions;
}

/**
 * The version of `domain`'s checklist in force on `today` (YYYY-MM-DD, Asia/Shanghai): the highest version whose
 * `effectiveFrom` is on or before it. A date before the first version gets the first version: there was no earlier
 * checklist in this system, and an inspection on paper from before it (back-filled, or seeded) is still recorded.
 */
export function currentChecklist(domain: Domain, today: string = todayInShanghai()): Checklist {
  return versionInForce(versionsOf(domain), today);
}

/** Of one domain's versions (any order), the one in force on `today`, as `currentChecklist` explains. */
export function versionInForce(versions: readonly Checklist[], today: string): Checklist {
  if (versions.length === 0) throw new RangeError('no checklist versions');
  const byVersion = [...versions].sort((a, b) => a.version - b.version);
  return byVersion.filter((c) => c.effectiveFrom <= today).pop() ?? byVersion[0]!;
}

/**
 * An item's wording by its code, from the newest version of `domain`'s checklist that has it (codes are stable across
 * versions): what alerts and orders show instead of the code. Null for a code no version knows.
 */
export function checklistItem(domain: Domain, code: string): ChecklistItem | null {
  const versions = CHECKLISTS.filter((c) => c.domain === domain).reverse();
  for (const c of versions) {
    const item = c.items.find((i) => i.code === code);
    if (item) return item;
  }
  return null;
}

/** The current checklist of each domain, in DOMAINS order (GET /inspection-checklists). */
export function currentChecklists(today: string = todayInShanghai()): Checklist[] {
  return DOMAINS.map((d) => currentChecklist(d, today));
}

/**
 * A given version of `domain`'s checklist, as stored with an inspection (`checklistVersion`). Throws RangeError for a
 * version that does not exist: versions are never removed, so that is a corrupt row or a programming error.
 */
export function checklistVersion(domain: Domain, version: number): Checklist {
  const found = versionsOf(domain).find((c) => c.version === version);
  if (!found) throw new RangeError(`no version ${version} of the ${domain} checklist`);
  return found;
}
