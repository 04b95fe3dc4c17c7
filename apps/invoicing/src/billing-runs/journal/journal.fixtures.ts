// Test data and a PDF structure check for the journal specs. Not used by the application.
import { spawnSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { Journal, JournalInvoice, JournalRow } from './journal';

export function journalWith(overrides: Partial<Journal> = {}): Journal {
  return {
    organisation: { id: 'fi-demo-county', name: 'Södra Österbottens kommun', currency: 'EUR' },
    run: {
      id: 'run-2024-05-0001',
      period: '2024-05',
      kind: 'monthly',
      selectionName: 'Home care',
      invoiceDate: '2024-06-05',
      state: 'calculated',
    },
    generatedAt: '2024-06-01T08:30:00.000Z',
    invoices: [],
    reportedServices: [],
    problems: [],
    ...overrides,
  };
}

/** An invoice whose rows default to one home-care line over the whole total. */
export function invoice(clientNumber: string, total: string, rows: Partial<JournalRow>[] = [{}], name = `Client ${clientNumber}`): JournalInvoice {
  return {
    clientNumber,
    clientName: name,
    recipientName: name,
    total,
    rows: rows.map((row) => ({ description: 'Home care', code: 'HC', quantity: '1', unitPrice: null, amount: total, accountString: '4100-300', ...row })),
  };
}

/** A journal of `count` invoices with two or three rows each, some reported services and problems. */
export function largeJournal(count: number): Journal {
  const invoices: JournalInvoice[] = [];
  for (let i = 0; i < count; i++) {
    const clientNumber = `C-${String(100000 + i)}`;
    const rows: JournalRow[] = [
      { description: `Kotihoito / hemvård ${i % 31 + 1}.5.2024`, code: 'KH01', quantity: '12', unitPrice: '25.50', amount: '306.00', accountString: '4100-300-2024' },
      { description: 'Ateriapalvelu (måltidsservice)', code: 'AT02', quantity: '20', unitPrice: '8.20', amount: '164.00', accountString: '4100-310-2024' },
    ];
    if (i % 3 === 0) rows.push({ description: 'Maksun alennus \\ avgiftsnedsättning', code: 'AL', quantity: null, unitPrice: null, amount: '-40.00', accountString: null });
    const total = i % 3 === 0 ? '430.00' : '470.00';
    invoices.push({ clientNumber, clientName: `Äijälä-Öhman ${i}`, recipientName: `Edunvalvoja ${i}`, total, rows });
  }
  return journalWith({
    invoices,
    reportedServices: Array.from({ length: Math.ceil(count / 2) }, (_, i) => ({
      clientNumber: `C-${100000 + i}`,
      itemCode: 'KH01',
      itemName: 'Kotihoidon käynti',
      performedOn: `2024-05-${String((i % 31) + 1).padStart(2, '0')}`,
      quantity: '1',
    })),
    problems: [{ clientNumber: 'C-999999', clientName: 'Åström', errors: ['no fee decision for 2024-05', 'income missing'] }],
  });
}

export interface PdfStructure {
  /** The xref table's in-use entries: object number → byte offset. */
  offsets: Map<number, number>;
  /** The page tree's /Count. */
  count: number;
  /** The page objects found in the file. */
  pageObjects: number;
  /** Every content stream, inflated when it was compressed, as latin1 text. */
  contents: string[];
}

/** Reads the file the way a strict reader would: startxref → xref → trailer; fails loudly on anything off. */
export function inspectPdf(pdf: Buffer): PdfStructure {
  const text = pdf.toString('latin1');
  const tail = /startxref\n(\d+)\n%%EOF\n$/.exec(text);
  if (!tail) throw new Error('no startxref / %%EOF at the end');
  const xrefAt = Number(tail[1]);
  if (text.slice(xrefAt, xrefAt + 5) !== 'xref\n') throw new Error(`startxref ${xrefAt} does not point at "xref"`);
  const header = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt));
  if (!header) throw new Error('malformed xref subsection header');
  const size = Number(header[1]);
  const entriesAt = xrefAt + header[0].length;
  const offsets = new Map<number, number>();
  for (let id = 0; id < size; id++) {
    const entry = text.slice(entriesAt + id * 20, entriesAt + (id + 1) * 20);
    const match = /^(\d{10}) (\d{5}) ([nf]) \n$/.exec(entry);
    if (!match) throw new Error(`malformed xref entry ${id}: ${JSON.stringify(entry)}`);
    if (match[3] === 'n') offsets.set(id, Number(match[1]));
  }
  const trailer = /trailer\n<< \/Size (\d+) \/Root (\d+) 0 R/.exec(text.slice(entriesAt + size * 20));
  if (!trailer || Number(trailer[1]) !== size) throw new Error('trailer /Size does not match the xref');
  const count = Number(/\/Type \/Pages \/Kids \[[^\]]*\] \/Count (\d+)/.exec(text)?.[1] ?? NaN);
  const pageObjects = (text.match(/\/Type \/Page /g) ?? []).length;
  const contents: string[] = [];
  const streams = /<< (\/Filter \/FlateDecode )?\/Length (\d+) >>\nstream\n/g;
  for (let match = streams.exec(text); match; match = streams.exec(text)) {
    const start = match.index + match[0].length;
    const data = pdf.subarray(start, start + Number(match[2]));
    if (text.slice(start + data.length, start + data.length + 10) !== '\nendstream') throw new Error('stream /Length is wrong');
    contents.push((match[1] ? inflateSync(data) : data).toString('latin1'));
  }
  return { offsets, count, pageObjects, contents };
}

/** The path of a command-line tool, or undefined when it is not installed. */
export function which(tool: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
  const path = result.stdout.trim();
  return result.status === 0 && path !== '' ? path : undefined;
}
