// What the inspection pages look up once per page load: the current checklists (also kept in
// localStorage, so the inspection form opens after a reload without a connection) and those of an
// earlier visit's day, and facility names by id (the orders inbox). `announceOrdersChanged`
// (re-exported) refreshes the header's count.
import { ApiError } from '../../../api/client';
import { getChecklists, type Checklist, type ChecklistItem, type Domain } from '../../../api/inspections';
import { getFacility } from '../../../api/registry';
import { sharedResource } from '../../../components/shared-data';
import { todayInShanghai } from '../../../forms/form-values';
import type { Lang } from '../../../i18n/language';

const CHECKLISTS_KEY = 'childcare.checklists';

function storedChecklists(): Checklist[] | null {
  try {
    const text = window.localStorage.getItem(CHECKLISTS_KEY);
    const value = text ? (JSON.parse(text) as unknown) : null;
    return Array.isArray(value) ? (value as Checklist[]) : null;
  } catch {
    return null;
  }
}

/** The checklists in the language of the first page asking (one copy per page load: item texts carry both). */
const checklists = sharedResource<Lang, Checklist[]>(
  async (lang) => {
    const items = await getChecklists({ lang });
    try {
      window.localStorage.setItem(CHECKLISTS_KEY, JSON.stringify(items));
    } catch {
      // not kept for offline use; the form still works online
    }
    return items;
  },
  () => 'current',
);

/** The current checklist of every domain. Offline (no answer at all), the copy from the last visit. */
export function loadChecklists(lang: Lang): Promise<Checklist[]> {
  return checklists.get(lang).catch((error: unknown) => {
    const stored = error instanceof ApiError && error.status === 0 ? storedChecklists() : null;
    if (stored) return stored;
    throw error;
  });
}

/** The checklists in force on another day, by day (in the language of the first page asking). */
const checklistsOn = sharedResource<{ lang: Lang; day: string }, Checklist[]>(
  ({ lang, day }) => getChecklists({ lang }, day),
  (key) => key.day,
);

/**
 * The checklists in force on a visit's day (YYYY-MM-DD, Asia/Shanghai; an earlier visit entered afterwards answers
 * the version of its day): today's as `loadChecklists`, another day's asked for with `?on=` (once per page load; a
 * failure is asked again next time).
 */
export function loadChecklistsOn(lang: Lang, day: string, today: string = todayInShanghai()): Promise<Checklist[]> {
  if (day === today) return loadChecklists(lang);
  return checklistsOn.get({ lang, day });
}

export function checklistOf(list: Checklist[], domain: Domain): Checklist | undefined {
  return list.find((checklist) => checklist.domain === domain);
}

/** An item by its code (codes keep their meaning in every version, and differ between domains). */
export function itemOf(list: Checklist[], code: string): ChecklistItem | undefined {
  for (const checklist of list) {
    const item = checklist.items.find((candidate) => candidate.code === code);
    if (item) return item;
  }
  return undefined;
}

export function itemText(item: ChecklistItem | undefined, code: string, lang: Lang): string {
  if (!item) return code;
  return lang === 'en' ? item.textEn || item.text : item.text;
}

/** Facility names by id: null when the facility cannot be read (gone, or out of reach); asked again after a failure
 * of the connection or the server. */
const names = sharedResource<{ facilityId: string; lang: Lang }, string | null>(
  ({ facilityId, lang }) =>
    getFacility(facilityId, { lang }).then(
      (facility) => facility.data.name,
      (error: unknown) => {
        if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) throw error; // try again later
        return null;
      },
    ),
  (key) => key.facilityId,
);

/** A facility's name (null when it cannot be read: gone, or out of reach). Cached per page load. */
export function facilityName(facilityId: string, lang: Lang): Promise<string | null> {
  return names.get({ facilityId, lang }).catch(() => null);
}

export { announceOrdersChanged } from '../../../components/use-order-count';
