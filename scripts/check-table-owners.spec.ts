import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { check, createdTables, declaredEntities, entityUses, readModelDeclaration, refusal, sqlUses } from './check-table-owners.js';

const TABLES = new Set(['facilities', 'classes', 'staff']);

describe('table ownership check', () => {
  it('finds tables named in string and template literals, not in comments or prose', () => {
    const code = [
      '// counts come from facilities',
      "const a = 'SELECT id FROM facilities WHERE x = $1';",
      'const b = `SELECT c.id FROM classes c',
      '  JOIN "facilities" f ON f.id = c.facility_id WHERE ${where}`;',
      "const c = 'facilities';",
      "const d = 'from staff_members';",
    ].join('\n');
    expect(sqlUses(code, TABLES).map((u) => [u.table, u.line, u.write])).toEqual([
      ['facilities', 2, false],
      ['classes', 3, false],
      ['facilities', 4, false],
    ]);
  });

  it('tells writes from reads', () => {
    const code = "q('UPDATE staff SET x = 1'); q('insert into classes (id) VALUES (1)'); q('DELETE FROM facilities'); q('TRUNCATE staff');";
    expect(sqlUses(code, TABLES).map((u) => [u.table, u.write])).toEqual([
      ['staff', true],
      ['classes', true],
      ['facilities', true],
      ['staff', true],
    ]);
  });

  it('maps entity classes and finds value imports of them, not type-only ones', () => {
    const entities = declaredEntities(
      "@Entity('facilities')\nexport class FacilityEntity {}\n@Entity('classes') export class ClassEntity {}",
    );
    expect([...entities]).toEqual([
      ['FacilityEntity', 'facilities'],
      ['ClassEntity', 'classes'],
    ]);
    const code = "import { FacilityService, type ClassEntity } from '@lib/facilities';\nimport { FacilityEntity } from '@lib/facilities';";
    expect(entityUses(code, entities)).toEqual([{ table: 'facilities', line: 2, write: true, via: 'entity' }]);
    expect(entityUses("import type { FacilityEntity } from '@lib/facilities';", entities)).toEqual([]);
  });

  it('lets the owner name its table, read models read it where the file says so, and refuses the rest', () => {
    const rule = { owner: 'facilities', readModels: ['search'] };
    const read = { table: 'facilities', line: 3, write: false, via: 'sql' as const };
    const write = { ...read, write: true };
    const declared = readModelDeclaration('/** Read model: facilities (owned by libs/facilities). */\nimport x from "y";');
    expect(refusal('libs/facilities/src/a.ts', write, rule, undefined)).toBeUndefined();
    expect(refusal('libs/search/src/a.ts', read, rule, declared)).toBeUndefined();
    expect(refusal('libs/search/src/a.ts', read, rule, undefined)).toContain('leading comment');
    expect(refusal('libs/search/src/a.ts', write, rule, declared)).toContain('only libs/facilities writes it');
    expect(refusal('libs/staff/src/a.ts', read, rule, declared)).toContain('owned by libs/facilities');
    expect(refusal('scripts/seed.ts', read, rule, undefined)).toContain('owned by libs/facilities');
    expect(readModelDeclaration('import x from "y";\n/** Read model: facilities */')).toBeUndefined();
  });

  it('reads the tables a migration creates', () => {
    expect(createdTables('CREATE TABLE facilities (id uuid); create table if not exists "staff" ()')).toEqual(['facilities', 'staff']);
  });

  describe('on a tree', () => {
    let root: string;
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'table-owners-'));
      write('migrations/1-Init.ts', "q('CREATE TABLE facilities (id uuid)'); q('CREATE TABLE incidents (id uuid)');");
      write('libs/facilities/src/facility.entity.ts', "@Entity('facilities') export class FacilityEntity {}");
      write('libs/facilities/src/facility.service.ts', "q('UPDATE facilities SET x = 1');");
      write('libs/staff/src/staff.service.ts', "q('SELECT id FROM facilities');");
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('names each refused use and each table without an owner, and says how to register it', () => {
      const problems = check(root, { facilities: { owner: 'facilities' } }, []);
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/table "incidents" is created by a migration but has no owner\. Register .* scripts\/table-owners\.ts/);
      expect(problems[1]).toMatch(
        /^libs\/staff\/src\/staff\.service\.ts:1 names table "facilities" in SQL, which is owned by libs\/facilities/,
      );
    });

    it('accepts what NOT_YET_OWNED lists and refuses an entry that no longer matches', () => {
      const owners = { facilities: { owner: 'facilities' }, incidents: { owner: 'facilities' } };
      expect(check(root, owners, [{ file: 'libs/staff/src/staff.service.ts', table: 'facilities' }])).toEqual([]);
      expect(check(root, owners, [{ file: 'libs/filing/src/x.ts', table: 'facilities' }]).join('\n')).toMatch(/no longer names it/);
    });
  });

  it('passes on this repository', () => {
    expect(check(join(dirname(new URL(import.meta.url).pathname), '..'))).toEqual([]);
  });
});
