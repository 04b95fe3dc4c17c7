import { csvField, JOURNAL_CSV_HEADER, renderJournalCsv } from './journal-csv';
import { invoice, journalWith } from './journal.fixtures';

/** A strict RFC 4180 reader with ';' as the separator: records of fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      if (i < text.length && text[i] !== ';' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
      continue;
    }
    if (text[i] === ';') {
      record.push(field);
      field = '';
      i++;
    } else if (text[i] === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      record.push(field);
      records.push(record);
      field = '';
      record = [];
      i += 2;
    } else if (text[i] === '\n' || text[i] === '"') {
      throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
    } else {
      field += text[i++];
    }
  }
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

const journal = journalWith({
  invoices: [
    invoice('C-1', '80.00', [
      { description: 'Kotihoito; 5/2024', code: 'KH', quantity: '2', unitPrice: '45.00', amount: '90.00', accountString: '4100' },
      { description: 'Alennus "tulot"', code: null, quantity: null, unitPrice: null, amount: '-10.00', accountString: null },
    ], 'Åsa Öberg'),
    invoice('C-2', '0.30', [
      { description: 'line one\r\nline two', amount: '0.10', accountString: '4100' },
      { description: '=HYPERLINK("http://evil.example","x")', code: '@SUM(A1)', amount: '0.20', accountString: '4200' },
    ], '+Plus Person'),
  ],
  reportedServices: [{ clientNumber: 'C-1', itemCode: 'KH', itemName: 'Kotihoidon käynti', performedOn: '2024-05-02', quantity: '1.5' }],
  problems: [{ clientNumber: 'C-3', clientName: 'Ärrä', errors: ['no fee decision', '-income missing'] }],
});

describe('renderJournalCsv', () => {
  const csv = renderJournalCsv(journal);
  const records = parseCsv(csv.slice(1));

  it('is UTF-8 with a byte-order mark and ends every line with CRLF', () => {
    const bytes = Buffer.from(csv, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // parseCsv refuses a bare CR or LF outside quotes, so every record ends in CRLF.
    expect(records.length).toBeGreaterThan(10);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(bytes.toString('utf8')).toContain('Åsa Öberg');
  });

  it('starts with the header line, then one semicolon-separated line per invoice row', () => {
    expect(records[0]).toEqual([...JOURNAL_CSV_HEADER]);
    expect(csv.slice(1).split('\r\n')[0]).toBe('Client number;Client name;Recipient;Code;Description;Quantity;Unit price;Amount;Account string');
    expect(records.slice(1, 5)).toEqual([
      ['C-1', 'Åsa Öberg', 'Åsa Öberg', 'KH', 'Kotihoito; 5/2024', '2', '45.00', '90.00', '4100'],
      ['C-1', 'Åsa Öberg', 'Åsa Öberg', '', 'Alennus "tulot"', '', '', '-10.00', ''],
      ['C-2', "'+Plus Person", "'+Plus Person", 'HC', 'line one\r\nline two', '1', '', '0.10', '4100'],
      ['C-2', "'+Plus Person", "'+Plus Person", "'@SUM(A1)", '\'=HYPERLINK("http://evil.example","x")', '1', '', '0.20', '4200'],
    ]);
  });

  it('quotes fields with a semicolon, a double quote or a line break, doubling the quotes', () => {
    expect(csv).toContain(';"Kotihoito; 5/2024";');
    expect(csv).toContain(';"Alennus ""tulot""";');
    expect(csv).toContain(';"line one\r\nline two";');
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField(null)).toBe('');
  });

  it('guards against formula injection but leaves numbers alone', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+cmd')).toBe("'+cmd");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('=A1;B1')).toBe('"\'=A1;B1"');
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField('+358.5')).toBe('+358.5');
    expect(csvField('-0')).toBe('-0');
    expect(csvField('a=b')).toBe('a=b');
    expect(records.find((r) => r[0] === 'C-3' && r[2].includes('income'))?.[2]).toBe("'-income missing");
  });

  it('follows with the reported services, the clients not invoiced and the totals per account string', () => {
    const rest = records.slice(5);
    expect(rest).toEqual([
      [''],
      ['Reported services'],
      ['Client number', 'Item code', 'Item name', 'Performed on', 'Quantity'],
      ['C-1', 'KH', 'Kotihoidon käynti', '2024-05-02', '1.5'],
      [''],
      ['Clients not invoiced'],
      ['Client number', 'Client name', 'Error'],
      ['C-3', 'Ärrä', 'no fee decision'],
      ['C-3', 'Ärrä', "'-income missing"],
      [''],
      ['Totals per account string'],
      ['Account string', 'Total (EUR)'],
      ['4100', '90.10'],
      ['4200', '0.20'],
      ['', '-10.00'],
      ['Invoices', '2'],
      ['Total', '80.30'],
    ]);
  });

  it('renders an empty journal as its headings', () => {
    const empty = parseCsv(renderJournalCsv(journalWith()).slice(1));
    expect(empty[0]).toEqual([...JOURNAL_CSV_HEADER]);
    expect(empty.at(-2)).toEqual(['Invoices', '0']);
    expect(empty.at(-1)).toEqual(['Total', '0.00']);
  });
});
