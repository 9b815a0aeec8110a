import { containsPattern, facilityListSql, nameGramKeys, queryMatch } from './facility-list.js';

describe('how the facility search box matches q', () => {
  it('by trigrams with three letters or digits in a row (a name of three characters, a registration number, a credit code)', () => {
    for (const q of ['阳光宝', '小橙子托育中心', 'TY-220102-2026-0007', '0007', '91220102MA0000000X', '（朝阳区12号）'])
      expect(queryMatch(q)).toBe('trigram');
  });

  it("by the name's characters and pairs without (one or two Chinese characters, or letters split by punctuation)", () => {
    for (const q of ['阳', '阳光', '1号', 'TY', 'a b', '7-1', '（朝阳']) expect(queryMatch(q)).toBe('name_grams');
  });

  it("escapes ILIKE's wildcards, so that q's own % and _ match themselves", () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});

describe('the facility list statement', () => {
  const admin = { kind: 'all' } as const;

  it('matches name, registration number and credit code for a trigram q, names only for a short one', () => {
    const long = facilityListSql(admin, { q: ' 阳光宝贝 ', limit: 20 });
    expect(long.text).toContain('f.name ILIKE $1 OR f.registration_no ILIKE $1 OR f.credit_code::text ILIKE $1');
    expect(long.values).toEqual(['%阳光宝贝%', 21]);
    const short = facilityListSql(admin, { q: '阳光', limit: 20 });
    expect(short.text).toMatch(/f\.name_grams @> ARRAY\[lower\(\$1::text\)\]\s+ORDER BY/);
    expect(short.text).not.toMatch(/ILIKE|registration_no/);
    expect(short.values).toEqual(['阳光', 21]);
    const odd = facilityListSql(admin, { q: '7-1', limit: 20 });
    expect(odd.text).toContain('f.name_grams @> ARRAY[lower($1::text), lower($2::text)] AND f.name ILIKE $3');
    expect(odd.values).toEqual(['7-', '-1', '%7-1%', 21]);
  });

  it('looks a short q up by itself, a longer one by its pairs (not its characters: they would hide how common it is)', () => {
    expect(nameGramKeys('阳')).toEqual(['阳']);
    expect(nameGramKeys('阳光')).toEqual(['阳光']);
    expect(nameGramKeys('2号）')).toEqual(['2号', '号）']);
    expect(nameGramKeys('a a a')).toEqual(['a ', ' a']);
  });

  it('leaves a blank q out, and keys the next page on (created_at, id), newest first', () => {
    const page = facilityListSql({ kind: 'region', regionCode: '220102' }, { q: '  ', after: ['2026-01-01T00:00:00.000Z', 'x'], limit: 5 });
    expect(page.text).not.toContain('ILIKE');
    expect(page.text).toContain('(f.created_at, f.id) < ($2::timestamptz, $3::uuid)');
    expect(page.text).toMatch(/ORDER BY f\.created_at DESC, f\.id DESC LIMIT \$4$/);
    expect(page.values).toEqual(['220102', '2026-01-01T00:00:00.000Z', 'x', 6]);
  });
});
