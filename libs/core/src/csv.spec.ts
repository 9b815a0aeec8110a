import { csvCell, csvLine } from './csv.js';

describe('CSV cells', () => {
  it('quote commas, quotes and line breaks, and leave plain text and numbers alone', () => {
    expect(csvLine(['阳光托育', 'a,b', 'say "hi"', 'two\nlines', 3, true, null])).toBe(
      '阳光托育,"a,b","say ""hi""","two\nlines",3,true,\r\n',
    );
  });
  it('defuse text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+86 431')).toBe("'+86 431");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(-1)).toBe('-1');
  });
});
