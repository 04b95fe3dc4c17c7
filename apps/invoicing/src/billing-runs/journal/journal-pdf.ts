import { Journal, JournalInvoice, journalTotals } from './journal';
import { A4_PORTRAIT, fitText, PdfFont, PdfItem, PdfText, writePdf } from './pdf-writer';

/**
 * The journal as a PDF for review: A4 portrait, every page under a running header (organisation,
 * period, run, page n / N). First the invoices — a bold line per invoice (client, recipient,
 * total) and a line per row — then the reported services, the clients not invoiced, and a totals
 * page (invoice count, total, totals per account string). Amounts are printed as given, right-aligned.
 */

export interface JournalPdfOptions {
  /** Deflate the page contents: a much smaller file, no longer searchable as plain bytes. */
  compress?: boolean;
}

const PAGE = A4_PORTRAIT;
const LEFT = 40;
const RIGHT = PAGE.width - 40;
const BOTTOM = 40;
const BODY_TOP = PAGE.height - 84;
const BODY_SIZE = 8;
const LINE = 11;
const REGULAR: PdfFont = 'Helvetica';
const BOLD: PdfFont = 'Helvetica-Bold';

// Invoice columns: code and description start at their x, the numbers end at theirs.
const COL = {
  clientNumber: LEFT,
  code: LEFT + 12,
  description: 102,
  recipient: 285,
  quantity: 330,
  unitPrice: 390,
  amount: 455,
  account: 465,
} as const;

/** Lays lines out top to bottom, starting a new page (and repeating the section's headings) when full. */
class Flow {
  readonly pages: PdfItem[][] = [];
  private items: PdfItem[] = [];
  private y = BODY_TOP;
  private headings: (() => void) | undefined;

  /** Starts a section on a fresh page. */
  section(title: string, headings?: () => void): void {
    this.headings = undefined;
    this.newPage();
    this.text(LEFT, title, { font: BOLD, size: 12 });
    this.y -= 8;
    this.headings = headings;
    headings?.();
  }

  newPage(): void {
    this.items = [];
    this.pages.push(this.items);
    this.y = BODY_TOP;
    this.headings?.();
  }

  /** Room for `lines` more lines on this page? */
  fits(lines: number): boolean {
    return this.y - lines * LINE >= BOTTOM;
  }

  /** Moves to the next line, on a new page if this one is full. */
  nextLine(): void {
    if (!this.fits(1)) this.newPage();
    this.y -= LINE;
  }

  gap(points: number): void {
    this.y -= points;
  }

  rule(): void {
    this.items.push({ kind: 'line', x1: LEFT, y1: this.y - 3, x2: RIGHT, y2: this.y - 3, width: 0.4 });
    this.y -= 4;
  }

  /** A text on the current line; `maxWidth` cuts it short with an ellipsis. */
  text(x: number, text: string, style: { font?: PdfFont; size?: number; align?: PdfText['align']; maxWidth?: number } = {}): void {
    const font = style.font ?? REGULAR;
    const size = style.size ?? BODY_SIZE;
    const fitted = style.maxWidth === undefined ? text : fitText(text, font, size, style.maxWidth);
    if (fitted === '') return;
    this.items.push({ x, y: this.y, text: fitted, font, size, align: style.align });
  }

  /** A line of texts: moves down one line, then places them. */
  line(cells: [number, string, Parameters<Flow['text']>[2]?][]): void {
    this.nextLine();
    for (const [x, text, style] of cells) this.text(x, text, style);
  }
}

function invoiceHeadings(flow: Flow): void {
  const bold = { font: BOLD, size: 7.5 } as const;
  flow.line([
    [COL.clientNumber, 'Client / code', bold],
    [COL.description, 'Client name / description', bold],
    [COL.recipient, 'Recipient', bold],
    [COL.quantity, 'Qty', { ...bold, align: 'right' }],
    [COL.unitPrice, 'Unit price', { ...bold, align: 'right' }],
    [COL.amount, 'Amount', { ...bold, align: 'right' }],
    [COL.account, 'Account string', bold],
  ]);
  flow.rule();
}

function invoiceLine(flow: Flow, invoice: JournalInvoice, continued: boolean): void {
  const bold = { font: BOLD } as const;
  flow.line([
    [COL.clientNumber, invoice.clientNumber, { ...bold, maxWidth: COL.description - COL.clientNumber - 4 }],
    [COL.description, continued ? `${invoice.clientName} (continued)` : invoice.clientName, { ...bold, maxWidth: COL.recipient - COL.description - 6 }],
    [COL.recipient, invoice.recipientName, { maxWidth: COL.amount - 60 - COL.recipient }],
    [COL.amount, continued ? '' : invoice.total, { ...bold, align: 'right' }],
  ]);
}

function layInvoices(flow: Flow, journal: Journal): void {
  flow.section(`Invoices (${journal.invoices.length})`, () => invoiceHeadings(flow));
  if (journal.invoices.length === 0) flow.line([[LEFT, 'No invoices.']]);
  for (const invoice of journal.invoices) {
    const lines = 1 + invoice.rows.length;
    // Keep an invoice on one page when it fits on one; a longer one continues under a repeated line.
    if (!flow.fits(lines) && lines <= 40) flow.newPage();
    invoiceLine(flow, invoice, false);
    for (const row of invoice.rows) {
      if (!flow.fits(1)) {
        flow.newPage();
        invoiceLine(flow, invoice, true);
      }
      flow.line([
        [COL.code, row.code ?? '', { maxWidth: COL.description - COL.code - 4 }],
        [COL.description, row.description, { maxWidth: COL.quantity - 40 - COL.description }],
        [COL.quantity, row.quantity ?? '', { align: 'right' }],
        [COL.unitPrice, row.unitPrice ?? '', { align: 'right' }],
        [COL.amount, row.amount, { align: 'right' }],
        [COL.account, row.accountString ?? '', { maxWidth: RIGHT - COL.account }],
      ]);
    }
    flow.gap(3);
  }
}

function layReportedServices(flow: Flow, journal: Journal): void {
  const col = { client: LEFT, code: 110, name: 175, date: 420, quantity: RIGHT };
  flow.section(`Reported services (${journal.reportedServices.length})`, () => {
    const bold = { font: BOLD, size: 7.5 } as const;
    flow.line([
      [col.client, 'Client', bold],
      [col.code, 'Item code', bold],
      [col.name, 'Item', bold],
      [col.date, 'Performed on', bold],
      [col.quantity, 'Quantity', { ...bold, align: 'right' }],
    ]);
    flow.rule();
  });
  if (journal.reportedServices.length === 0) flow.line([[LEFT, 'No reported services.']]);
  for (const service of journal.reportedServices) {
    flow.line([
      [col.client, service.clientNumber, { maxWidth: col.code - col.client - 4 }],
      [col.code, service.itemCode, { maxWidth: col.name - col.code - 4 }],
      [col.name, service.itemName, { maxWidth: col.date - col.name - 6 }],
      [col.date, service.performedOn, { maxWidth: col.quantity - 40 - col.date }],
      [col.quantity, service.quantity, { align: 'right' }],
    ]);
  }
}

function layProblems(flow: Flow, journal: Journal): void {
  const col = { client: LEFT, name: 110, error: 270 };
  flow.section(`Clients not invoiced (${journal.problems.length})`, () => {
    const bold = { font: BOLD, size: 7.5 } as const;
    flow.line([
      [col.client, 'Client', bold],
      [col.name, 'Name', bold],
      [col.error, 'Error', bold],
    ]);
    flow.rule();
  });
  if (journal.problems.length === 0) flow.line([[LEFT, 'None: every client in the selection was calculated.']]);
  for (const problem of journal.problems) {
    const errors = problem.errors.length > 0 ? problem.errors : [''];
    errors.forEach((error, i) => {
      flow.line([
        [col.client, i === 0 ? problem.clientNumber : '', { maxWidth: col.name - col.client - 4 }],
        [col.name, i === 0 ? problem.clientName : '', { maxWidth: col.error - col.name - 6 }],
        [col.error, error, { maxWidth: RIGHT - col.error }],
      ]);
    });
  }
}

function layTotals(flow: Flow, journal: Journal): void {
  const totals = journalTotals(journal);
  const currency = journal.organisation.currency;
  const amountX = 455;
  flow.section('Totals');
  const summary: [string, string][] = [
    ['Invoices', String(totals.invoiceCount)],
    [`Total (${currency})`, totals.total],
    ['Reported services', String(journal.reportedServices.length)],
    ['Clients not invoiced', String(journal.problems.length)],
  ];
  for (const [label, value] of summary) {
    flow.line([
      [LEFT, label, { font: BOLD }],
      [amountX, value, { font: BOLD, align: 'right' }],
    ]);
  }
  flow.gap(LINE);
  const headings = (): void => {
    const bold = { font: BOLD, size: 7.5 } as const;
    flow.line([
      [LEFT, 'Account string', bold],
      [amountX, `Total (${currency})`, { ...bold, align: 'right' }],
    ]);
    flow.rule();
  };
  headings();
  for (const { accountString, total } of totals.byAccountString) {
    flow.line([
      [LEFT, accountString ?? '(no account string)', { maxWidth: amountX - 80 - LEFT }],
      [amountX, total, { align: 'right' }],
    ]);
  }
  flow.rule();
  flow.line([
    [LEFT, 'Total', { font: BOLD }],
    [amountX, totals.total, { font: BOLD, align: 'right' }],
  ]);
}

/** The running header: who, which run, which page. */
function header(journal: Journal, page: number, pageCount: number): PdfItem[] {
  const { organisation, run } = journal;
  const top = PAGE.height - 40;
  const kind = run.kind === 'monthly' ? 'monthly run' : 'correction run';
  return [
    { x: LEFT, y: top, text: fitText(organisation.name, BOLD, 11, 360), font: BOLD, size: 11 },
    { x: RIGHT, y: top, text: `Page ${page} / ${pageCount}`, font: REGULAR, size: 8, align: 'right' },
    {
      x: LEFT,
      y: top - 13,
      text: fitText(`Billing run journal \u00b7 period ${run.period} \u00b7 ${kind} \u00b7 run ${run.id}`, REGULAR, 8.5, RIGHT - LEFT),
      font: REGULAR,
      size: 8.5,
    },
    {
      x: LEFT,
      y: top - 24,
      text: fitText(
        `Selection: ${run.selectionName} \u00b7 invoice date ${run.invoiceDate} \u00b7 state ${run.state} \u00b7 amounts in ${organisation.currency} \u00b7 generated ${journal.generatedAt}`,
        REGULAR,
        7,
        RIGHT - LEFT,
      ),
      font: REGULAR,
      size: 7,
    },
    { kind: 'line', x1: LEFT, y1: top - 30, x2: RIGHT, y2: top - 30, width: 0.8 },
  ];
}

/** The journal as a PDF 1.4 file. */
export function renderJournalPdf(journal: Journal, options: JournalPdfOptions = {}): Buffer {
  const flow = new Flow();
  layInvoices(flow, journal);
  layReportedServices(flow, journal);
  layProblems(flow, journal);
  layTotals(flow, journal);
  const pageCount = flow.pages.length;
  const pages = flow.pages.map((items, i) => ({ items: [...header(journal, i + 1, pageCount), ...items] }));
  return writePdf(pages, {
    title: `Billing run journal ${journal.run.period} \u2013 ${journal.organisation.name}`,
    subject: `Billing run ${journal.run.id}`,
    creator: 'clientfees invoicing',
    createdAt: journal.generatedAt,
    compress: options.compress,
  });
}
