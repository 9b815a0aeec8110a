import type { EntityManager } from 'typeorm';
import { SECOND_RELEASE_FROM } from './checklists/index.js';
import { loadInspections, wrongChecklistVersions } from './inspection-loader.js';

const dayBefore = new Date(Date.parse(`${SECOND_RELEASE_FROM}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('the demo loader’s checklist versions', () => {
  it('accepts rows answering the version in force on their day', () => {
    expect(
      wrongChecklistVersions([
        { domain: 'fire', inspectedOn: dayBefore, checklistVersion: 1 },
        { domain: 'hygiene', inspectedOn: SECOND_RELEASE_FROM, checklistVersion: 2 },
        { domain: 'food', inspectedOn: '2025-03-01', checklistVersion: 1 },
      ]),
    ).toEqual([]);
  });

  it('names a past visit given today’s version, and a visit from version 2 on given version 1', () => {
    expect(
      wrongChecklistVersions([
        { domain: 'building', inspectedOn: dayBefore, checklistVersion: 2 },
        { domain: 'food', inspectedOn: SECOND_RELEASE_FROM, checklistVersion: 1 },
        { domain: 'fire', inspectedOn: SECOND_RELEASE_FROM, checklistVersion: 2 },
      ]),
    ).toEqual([`building ${dayBefore} v2`, `food ${SECOND_RELEASE_FROM} v1`]);
  });

  it('refuses to load such rows, before writing anything', async () => {
    const inserted: unknown[] = [];
    const queried: string[] = [];
    const m = {
      getRepository: () => ({ insert: (rows: unknown) => inserted.push(rows) }),
      query: (sql: string) => queried.push(sql),
    } as unknown as EntityManager;
    await expect(loadInspections(m, [{ domain: 'hygiene', inspectedOn: dayBefore, checklistVersion: 2 }], [])).rejects.toThrow(
      /hygiene .* v2/,
    );
    expect(inserted).toEqual([]);
    expect(queried).toEqual([]);
    await loadInspections(m, [{ facilityId: 'f', domain: 'hygiene', inspectedOn: dayBefore, checklistVersion: 1 }], []);
    expect(inserted).toHaveLength(1);
    // The loaded facilities' latest inspections and yearly counts follow in the same transaction.
    expect(queried).toEqual([
      expect.stringContaining('INSERT INTO latest_inspections'),
      expect.stringContaining('pg_advisory_xact_lock'),
      expect.stringContaining('DELETE FROM inspection_year_counts'),
      expect.stringContaining('INSERT INTO inspection_year_counts'),
    ]);
  });
});
