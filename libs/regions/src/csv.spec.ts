import { parseCsv } from './csv.js';

describe('CSV parsing', () => {
  it('reads quoted fields with commas and doubled quotes, and CRLF line ends', () => {
    const rows = parseCsv('\uFEFFcode,name,note\r\n220102,南关区,"a, ""b"""\r\n220103,宽城区,\r\n');
    expect(rows).toEqual([
      { code: '220102', name: '南关区', note: 'a, "b"' },
      { code: '220103', name: '宽城区', note: '' },
    ]);
  });
  it('returns nothing for an empty file', () => {
    expect(parseCsv('')).toEqual([]);
  });
});
