import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderJournalPdf } from './journal-pdf';
import { inspectPdf, invoice, journalWith, largeJournal, which } from './journal.fixtures';

const small = journalWith({
  invoices: [
    invoice('C-100234', '123.45', [
      { description: 'Kotihoito (säännöllinen) 5/2024', code: 'KH', quantity: '10', unitPrice: '13.45', amount: '134.50', accountString: '4100-300' },
      { description: 'Alennus \\ tulot', code: null, quantity: null, unitPrice: null, amount: '-11.05', accountString: null },
    ], 'Äijälä Åsa'),
  ],
  reportedServices: [{ clientNumber: 'C-100234', itemCode: 'KH', itemName: 'Kotihoidon käynti', performedOn: '2024-05-02', quantity: '1' }],
  problems: [{ clientNumber: 'C-100999', clientName: 'Öberg', errors: ['no fee decision for 2024-05'] }],
});

function latin1(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

describe('renderJournalPdf', () => {
  it('is a PDF 1.4 file whose xref offsets each point at "n 0 obj"', () => {
    const pdf = renderJournalPdf(small);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    const structure = inspectPdf(pdf);
    expect(structure.offsets.size).toBeGreaterThan(5);
    for (const [id, offset] of structure.offsets) expect(text.startsWith(`${id} 0 obj`, offset)).toBe(true);
    expect(structure.count).toBe(structure.pageObjects);
    expect(structure.contents).toHaveLength(structure.count);
  });

  it('lays out invoices, reported services, clients not invoiced and totals, each on its own page', () => {
    const structure = inspectPdf(renderJournalPdf(small));
    expect(structure.count).toBe(4);
    const [invoices, services, problems, totals] = structure.contents;
    expect(invoices).toContain('(Invoices \\(1\\)) Tj');
    expect(invoices).toContain('(C-100234) Tj');
    expect(invoices).toContain('(Kotihoito \\(s\xe4\xe4nn\xf6llinen\\) 5/2024) Tj');
    expect(invoices).toContain('(Alennus \\\\ tulot) Tj');
    expect(invoices).toContain('(-11.05) Tj');
    expect(services).toContain('(Reported services \\(1\\)) Tj');
    expect(services).toContain('(Kotihoidon k\xe4ynti) Tj');
    expect(problems).toContain('(no fee decision for 2024-05) Tj');
    expect(totals).toContain('(Totals) Tj');
    expect(totals).toContain('(123.45) Tj');
    expect(totals).toContain('(\\(no account string\\)) Tj');
  });

  it('encodes Ä as the byte 0xC4 (WinAnsiEncoding)', () => {
    const pdf = renderJournalPdf(small);
    expect(pdf.includes(latin1('(\xc4ij\xe4l\xe4 \xc5sa) Tj'))).toBe(true);
    expect(pdf.includes(latin1('(S\xf6dra \xd6sterbottens kommun) Tj'))).toBe(true);
    expect(pdf.includes(Buffer.from('Äijälä', 'utf8'))).toBe(false);
  });

  it('puts the running header on every page: organisation, period, run, page n / N', () => {
    const { contents } = inspectPdf(renderJournalPdf(small));
    contents.forEach((content, i) => {
      expect(content).toContain('(S\xf6dra \xd6sterbottens kommun) Tj');
      expect(content).toContain('period 2024-05');
      expect(content).toContain('run run-2024-05-0001');
      expect(content).toContain(`(Page ${i + 1} / ${contents.length}) Tj`);
    });
  });

  it('renders the same journal to the same bytes', () => {
    expect(renderJournalPdf(small).equals(renderJournalPdf(small))).toBe(true);
  });

  it('spreads a 2,000-invoice journal over many pages with the headings repeated', () => {
    const pdf = renderJournalPdf(largeJournal(2000));
    const structure = inspectPdf(pdf);
    expect(structure.count).toBeGreaterThan(20);
    expect(structure.count).toBe(structure.pageObjects);
    const text = pdf.toString('latin1');
    for (const [id, offset] of structure.offsets) expect(text.startsWith(`${id} 0 obj`, offset)).toBe(true);
    expect(structure.contents[structure.count - 1]).toContain(`(Page ${structure.count} / ${structure.count}) Tj`);
    expect(structure.contents[5]).toContain('(Account string) Tj');
    // Every invoice is on some page, the last one too.
    expect(text).toContain('(C-101999) Tj');
    expect(structure.contents.at(-1)).toContain('(2000) Tj');
  });

  // Its speed is measured by `npm run bench`, never asserted here.
  it('renders a month of a city (10,000 invoices) into hundreds of pages', () => {
    const pdf = renderJournalPdf(largeJournal(10000));
    expect(inspectPdf(pdf).count).toBeGreaterThan(300);
  });

  it('compresses on request to the same pages', () => {
    const plain = inspectPdf(renderJournalPdf(small));
    const compressed = renderJournalPdf(small, { compress: true });
    expect(compressed.toString('latin1')).toContain('/Filter /FlateDecode');
    expect(inspectPdf(compressed).contents).toEqual(plain.contents);
  });

  describe('with the command-line PDF tools, where installed', () => {
    const pdftotext = which('pdftotext');
    const qpdf = which('qpdf');
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'journal-pdf-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    (pdftotext ? it : it.skip)('pdftotext extracts the text, Nordic letters included', () => {
      const file = join(dir, 'small.pdf');
      writeFileSync(file, renderJournalPdf(small));
      const result = spawnSync(pdftotext as string, ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8' });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Södra Österbottens kommun');
      expect(result.stdout).toContain('Äijälä Åsa');
      expect(result.stdout).toContain('Kotihoito (säännöllinen) 5/2024');
      expect(result.stdout).toContain('Page 4 / 4');
    });

    (qpdf ? it : it.skip)('qpdf --check finds no errors, compressed or not', () => {
      for (const [name, pdf] of [
        ['plain.pdf', renderJournalPdf(largeJournal(300))],
        ['compressed.pdf', renderJournalPdf(largeJournal(300), { compress: true })],
      ] as const) {
        const file = join(dir, name);
        writeFileSync(file, pdf);
        const result = spawnSync(qpdf as string, ['--check', file], { encoding: 'utf8' });
        expect(`${result.stdout}${result.stderr}`).toContain('No syntax or stream encoding errors found');
        expect(result.status).toBe(0);
      }
    });
  });
});
