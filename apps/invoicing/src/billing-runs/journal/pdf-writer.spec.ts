import { encodeWinAnsi, fitText, glyphWidth, PdfPage, textWidth, writePdf } from './pdf-writer';
import { inspectPdf } from './journal.fixtures';

describe('encodeWinAnsi', () => {
  it('writes the Nordic letters as their Windows-1252 bytes', () => {
    expect([...encodeWinAnsi('åäöÅÄÖéü')]).toEqual([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9, 0xfc]);
  });

  it('maps the Windows-1252 extras in 0x80–0x9F', () => {
    expect([...encodeWinAnsi('€–—…‘’“”•Šš')]).toEqual([0x80, 0x96, 0x97, 0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x8a, 0x9a]);
  });

  it('composes a decomposed Ä first', () => {
    expect([...encodeWinAnsi('A\u0308')]).toEqual([0xc4]);
  });

  it('turns what WinAnsi lacks into "?" and tabs and line breaks into spaces', () => {
    expect(encodeWinAnsi('Łódź 漢 😀').toString('latin1')).toBe('?ód? ? ?');
    expect(encodeWinAnsi('a\tb\r\nc\u0000\u0085').toString('latin1')).toBe('a b  c??');
  });
});

describe('Helvetica metrics', () => {
  it('has the AFM widths', () => {
    expect(textWidth('Hello', 'Helvetica', 10)).toBeCloseTo((722 + 556 + 222 + 222 + 556) / 100, 10);
    expect(textWidth('Ä', 'Helvetica', 1000)).toBe(667);
    expect(textWidth('Ä', 'Helvetica-Bold', 1000)).toBe(722);
    expect(textWidth('0123456789', 'Helvetica', 1)).toBeCloseTo(5.56, 10);
    expect(textWidth('W', 'Helvetica', 1000)).toBe(944);
    expect(glyphWidth('Helvetica', 0x20)).toBe(278);
    expect(glyphWidth('Helvetica', 0xff)).toBe(500);
    expect(glyphWidth('Helvetica-Bold', 0xff)).toBe(556);
    expect(glyphWidth('Helvetica', 0x80)).toBe(556);
  });

  it('cuts a text that is too wide with an ellipsis', () => {
    const long = 'Kotihoito ja tukipalvelut, säännöllinen kotihoito';
    const fitted = fitText(long, 'Helvetica', 8, 100);
    expect(fitted.endsWith('…')).toBe(true);
    expect(long.startsWith(fitted.slice(0, -1))).toBe(true);
    expect(textWidth(fitted, 'Helvetica', 8)).toBeLessThanOrEqual(100);
    expect(fitText('short', 'Helvetica', 8, 100)).toBe('short');
  });
});

describe('writePdf', () => {
  const pages: PdfPage[] = [
    {
      items: [
        { x: 40, y: 800, text: 'Hello (world) \\ Ä', font: 'Helvetica-Bold', size: 12 },
        { x: 500, y: 780, text: '1234.50', align: 'right', size: 10 },
        { kind: 'line', x1: 40, y1: 770, x2: 555, y2: 770 },
      ],
    },
    { items: [{ x: 300, y: 400, text: 'centre', align: 'center' }] },
  ];

  it('writes a PDF 1.4 file whose xref points at every object', () => {
    const pdf = writePdf(pages, { title: 'Jäsenrekisteri', createdAt: '2024-06-01T08:30:00Z' });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
    const structure = inspectPdf(pdf);
    expect(structure.offsets.size).toBe(9);
    for (const [id, offset] of structure.offsets) expect(text.startsWith(`${id} 0 obj`, offset)).toBe(true);
    expect(structure.count).toBe(2);
    expect(structure.pageObjects).toBe(2);
    expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
    expect(text).toContain('/BaseFont /Helvetica /Encoding /WinAnsiEncoding');
    expect(text).toContain('/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding');
    expect(text).toContain('/CreationDate (D:20240601083000Z)');
    // The title as UTF-16BE: "J", "ä" (U+00E4)…
    expect(text).toContain('/Title <FEFF004A00E4');
  });

  it('escapes parentheses and backslashes and writes Ä as the byte 0xC4', () => {
    const pdf = writePdf(pages);
    const content = inspectPdf(pdf).contents[0];
    expect(content).toContain('/F2 12 Tf\n1 0 0 1 40 800 Tm (Hello \\(world\\) \\\\ \xc4) Tj');
    expect(pdf.includes(Buffer.from([0x5c, 0x5c, 0x20, 0xc4, 0x29]))).toBe(true);
  });

  it('right-aligns and centres by the glyph widths', () => {
    const format = (value: number): string => value.toFixed(2).replace(/\.?0+$/, '');
    expect(format(500 - 36.14)).toBe('463.86');
    const [first, second] = inspectPdf(writePdf(pages)).contents;
    const width = textWidth('1234.50', 'Helvetica', 10);
    expect(first).toContain(`1 0 0 1 ${format(500 - width)} 780 Tm (1234.50) Tj`);
    expect(first).toContain('40 770 m 555 770 l S');
    const centre = 300 - textWidth('centre', 'Helvetica', 10) / 2;
    expect(second).toContain(`1 0 0 1 ${format(centre)} 400 Tm (centre) Tj`);
  });

  it('deflates the contents on request', () => {
    const plain = writePdf(pages);
    const compressed = writePdf(pages, { compress: true });
    expect(compressed.toString('latin1')).toContain('/Filter /FlateDecode');
    const structure = inspectPdf(compressed);
    expect(structure.contents).toEqual(inspectPdf(plain).contents);
    for (const [id, offset] of structure.offsets) expect(compressed.toString('latin1').startsWith(`${id} 0 obj`, offset)).toBe(true);
  });

  it('refuses an empty document and coordinates that are not numbers', () => {
    expect(() => writePdf([])).toThrow('at least one page');
    expect(() => writePdf([{ items: [{ x: NaN, y: 1, text: 'x' }] }])).toThrow('finite');
  });
});
