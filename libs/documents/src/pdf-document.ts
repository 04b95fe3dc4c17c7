import PDFKit from 'pdfkit';

/**
 * Printable documents (fee decisions, settlement specifications, reminder letters, journals)
 * made with pdfkit, a maintained PDF library, with DejaVu Sans embedded so that Finnish and
 * Swedish text (ä, ö, å, €, –) renders the same in every reader and prints as it looks.
 */

const FONT_DIR = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf').replace(/DejaVuSans\.ttf$/, '');
const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';

export type DocumentLanguage = 'fi' | 'sv' | 'en';

export interface DocumentOptions {
  title: string;
  language: DocumentLanguage;
  author?: string;
  /** Fixes the creation date written into the file, so the same input gives the same bytes. */
  createdAt?: Date;
  /** A line printed at the foot of every page before "page / pages". */
  footer?: string;
}

export interface TableColumn {
  header: string;
  /** Relative width: the columns share the line's width in proportion. */
  weight?: number;
  align?: 'left' | 'right';
}

const MARGIN = 56;
const BODY_SIZE = 10;
const FOOTER_SIZE = 8;
const PAGE_LABEL: Record<DocumentLanguage, string> = { fi: 'sivu', sv: 'sida', en: 'page' };

export class PdfDocument {
  private readonly pdf: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  private constructor(private readonly options: DocumentOptions) {
    this.pdf = new PDFKit({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
      bufferPages: true,
      lang: options.language,
      info: {
        Title: options.title,
        Author: options.author ?? 'clientfees',
        Producer: 'clientfees',
        Creator: 'clientfees',
        CreationDate: options.createdAt ?? new Date(),
      },
    });
    this.pdf.registerFont(REGULAR, `${FONT_DIR}DejaVuSans.ttf`);
    this.pdf.registerFont(BOLD, `${FONT_DIR}DejaVuSans-Bold.ttf`);
    this.pdf.font(REGULAR).fontSize(BODY_SIZE);
    this.done = new Promise((resolve, reject) => {
      this.pdf.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.pdf.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.pdf.on('error', reject);
    });
  }

  static create(options: DocumentOptions): PdfDocument {
    return new PdfDocument(options);
  }

  private get width(): number {
    return this.pdf.page.width - MARGIN * 2;
  }

  private ensureRoom(height: number): void {
    if (this.pdf.y + height > this.pdf.page.height - this.pdf.page.margins.bottom) this.pdf.addPage();
  }

  heading(text: string, level: 1 | 2 | 3 = 1): this {
    const size = level === 1 ? 16 : level === 2 ? 13 : 11;
    this.ensureRoom(size * 3);
    this.pdf.moveDown(level === 1 ? 0 : 0.6);
    this.pdf.font(BOLD).fontSize(size).text(text, MARGIN, this.pdf.y, { width: this.width });
    this.pdf.moveDown(0.3);
    this.pdf.font(REGULAR).fontSize(BODY_SIZE);
    return this;
  }

  paragraph(text: string, options: { bold?: boolean } = {}): this {
    this.pdf.font(options.bold ? BOLD : REGULAR).fontSize(BODY_SIZE);
    this.ensureRoom(this.pdf.heightOfString(text, { width: this.width }));
    this.pdf.text(text, MARGIN, this.pdf.y, { width: this.width });
    this.pdf.font(REGULAR).moveDown(0.5);
    return this;
  }

  /** Label–value lines (a recipient, a decision's particulars). */
  keyValues(rows: ReadonlyArray<readonly [string, string]>): this {
    const labelWidth = this.width * 0.35;
    for (const [label, value] of rows) {
      const height = Math.max(
        this.pdf.font(BOLD).heightOfString(label, { width: labelWidth - 8 }),
        this.pdf.font(REGULAR).heightOfString(value, { width: this.width - labelWidth }),
      );
      this.ensureRoom(height);
      const y = this.pdf.y;
      this.pdf.font(BOLD).text(label, MARGIN, y, { width: labelWidth - 8 });
      this.pdf.font(REGULAR).text(value, MARGIN + labelWidth, y, { width: this.width - labelWidth });
      this.pdf.y = y + height + 2;
    }
    this.pdf.moveDown(0.5);
    return this;
  }

  /** A table that continues on the next page with its header repeated. */
  table(columns: readonly TableColumn[], rows: ReadonlyArray<readonly string[]>): this {
    const total = columns.reduce((sum, column) => sum + (column.weight ?? 1), 0);
    const widths = columns.map((column) => (this.width * (column.weight ?? 1)) / total);
    const drawRow = (cells: readonly string[], bold: boolean) => {
      this.pdf.font(bold ? BOLD : REGULAR).fontSize(BODY_SIZE - 1);
      const height = Math.max(...cells.map((cell, i) => this.pdf.heightOfString(cell, { width: widths[i] - 6 })));
      const y = this.pdf.y;
      let x = MARGIN;
      cells.forEach((cell, i) => {
        this.pdf.text(cell, x, y, { width: widths[i] - 6, align: columns[i].align ?? 'left' });
        x += widths[i];
      });
      this.pdf.y = y + height + 3;
      if (bold) {
        this.pdf.moveTo(MARGIN, this.pdf.y - 1).lineTo(MARGIN + this.width, this.pdf.y - 1).lineWidth(0.5).stroke();
        this.pdf.y += 2;
      }
      return height;
    };
    const headers = columns.map((column) => column.header);
    const headerHeight = () => this.pdf.font(BOLD).fontSize(BODY_SIZE - 1).heightOfString(headers.join(' '), { width: this.width }) + 8;
    this.ensureRoom(headerHeight() * 2);
    drawRow(headers, true);
    for (const row of rows) {
      if (row.length !== columns.length) throw new RangeError(`a table row has ${row.length} cells for ${columns.length} columns`);
      this.pdf.font(REGULAR).fontSize(BODY_SIZE - 1);
      const height = Math.max(...row.map((cell, i) => this.pdf.heightOfString(cell, { width: widths[i] - 6 })));
      if (this.pdf.y + height > this.pdf.page.height - this.pdf.page.margins.bottom) {
        this.pdf.addPage();
        drawRow(headers, true);
      }
      drawRow(row, false);
    }
    this.pdf.font(REGULAR).fontSize(BODY_SIZE).moveDown(0.5);
    return this;
  }

  pageBreak(): this {
    this.pdf.addPage();
    return this;
  }

  /** Writes the page footers and returns the finished file. */
  async finish(): Promise<Buffer> {
    const range = this.pdf.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      this.pdf.switchToPage(index);
      const label = `${PAGE_LABEL[this.options.language]} ${index - range.start + 1} / ${range.count}`;
      const text = this.options.footer ? `${this.options.footer}    ${label}` : label;
      // Writing inside the bottom margin would make pdfkit open a new page; lift the margin first.
      const bottom = this.pdf.page.margins.bottom;
      this.pdf.page.margins.bottom = 0;
      this.pdf.font(REGULAR).fontSize(FOOTER_SIZE).text(text, MARGIN, this.pdf.page.height - MARGIN, { width: this.width, align: 'right', lineBreak: false });
      this.pdf.page.margins.bottom = bottom;
    }
    this.pdf.end();
    return this.done;
  }
}
