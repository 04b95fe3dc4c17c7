import { csvField, csvTable } from './csv';

describe('CSV for a spreadsheet', () => {
  it('quotes what needs quoting and defuses formulas, leaving numbers alone', () => {
    expect(csvField('Hoiva; ateriat')).toBe('"Hoiva; ateriat"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField(null)).toBe('');
  });

  it('writes a table with a byte-order mark and CRLF lines', () => {
    expect(csvTable(['a', 'b'], [['Åke', 1]])).toBe('\uFEFFa;b\r\nÅke;1\r\n');
  });
});
