import { readPdf } from './testing/read-pdf';
import { PdfDocument } from './pdf-document';

describe('a printable document', () => {
  it('carries Finnish and Swedish text that a reader extracts as written, in an embedded font', async () => {
    const pdf = await PdfDocument.create({ title: 'Asiakasmaksupäätös', language: 'fi', createdAt: new Date('2026-12-02T10:00:00Z') })
      .heading('Päätös asiakasmaksusta')
      .keyValues([
        ['Asiakas', 'Åsa Öberg-Määttä'],
        ['Maksu', '123,45 €/kk'],
      ])
      .paragraph('Oikaisuvaatimusohje – Anvisning om omprövning: 30 dagar.')
      .finish();
    const read = readPdf(pdf);
    expect(read.title).toBe('Asiakasmaksupäätös');
    expect(read.pages).toHaveLength(1);
    expect(read.pages[0]).toContain('Päätös asiakasmaksusta');
    expect(read.pages[0]).toContain('Åsa Öberg-Määttä');
    expect(read.pages[0]).toContain('123,45 €/kk');
    expect(read.pages[0]).toContain('Oikaisuvaatimusohje – Anvisning om omprövning');
    expect(read.pages[0]).toContain('sivu 1 / 1');
    expect(read.fonts.some((font) => font.includes('DejaVuSans'))).toBe(true);
  });

  it('continues a long table on the next pages with the header repeated and numbers every page', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`2026-11-${String((i % 30) + 1).padStart(2, '0')}`, `Kotihoito rivi ${i + 1}`, `${i + 1},00`]);
    const pdf = await PdfDocument.create({ title: 'Erittely', language: 'sv', footer: 'Utförare AB' })
      .table([{ header: 'Datum' }, { header: 'Tjänst', weight: 3 }, { header: 'Belopp', align: 'right' }], rows)
      .finish();
    const read = readPdf(pdf);
    expect(read.pages.length).toBeGreaterThan(1);
    for (const [index, page] of read.pages.entries()) {
      expect(page).toContain('Tjänst');
      expect(page).toContain(`sida ${index + 1} / ${read.pages.length}`);
      expect(page).toContain('Utförare AB');
    }
    const all = read.pages.join('\n');
    expect(all).toContain('Kotihoito rivi 1 ');
    expect(all).toContain('Kotihoito rivi 120');
    expect(all).toContain('120,00');
  });

  it('gives the same bytes for the same input when the creation date is fixed', async () => {
    const make = () => PdfDocument.create({ title: 'T', language: 'en', createdAt: new Date('2026-01-01T00:00:00Z') }).paragraph('same').finish();
    expect((await make()).equals(await make())).toBe(true);
  });

  it('refuses a table row that does not match its columns', () => {
    expect(() => PdfDocument.create({ title: 'T', language: 'en' }).table([{ header: 'a' }, { header: 'b' }], [['only one']])).toThrow(RangeError);
  });
});
