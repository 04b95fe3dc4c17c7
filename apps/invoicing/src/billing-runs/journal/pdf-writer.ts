import { deflateSync } from 'node:zlib';

/**
 * A small PDF 1.4 writer for text reports, written by hand: pages of text at x/y in one of the
 * standard Helvetica fonts, plus straight lines. No font is embedded: every PDF reader has
 * Helvetica and Helvetica-Bold, and WinAnsiEncoding (Windows-1252) covers the Finnish and Swedish
 * letters. It knows nothing about journals; `journal-pdf.ts` does the layout.
 *
 * Coordinates are PDF points (1/72 inch) from the page's bottom-left corner.
 */

export type PdfFont = 'Helvetica' | 'Helvetica-Bold';

export interface PdfText {
  kind?: 'text';
  x: number;
  /** The baseline. */
  y: number;
  text: string;
  font?: PdfFont;
  /** Points; 10 unless given. */
  size?: number;
  /** `x` is where a left-aligned text starts, where a right-aligned one ends, a centred one's middle. */
  align?: 'left' | 'right' | 'center';
}

export interface PdfLine {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Points; 0.5 unless given. */
  width?: number;
}

export type PdfItem = PdfText | PdfLine;

export interface PdfPage {
  items: PdfItem[];
}

export interface PdfPageSize {
  width: number;
  height: number;
}

export const A4_PORTRAIT: PdfPageSize = { width: 595.28, height: 841.89 };

export interface PdfDocumentOptions {
  /** A4 portrait unless given. */
  pageSize?: PdfPageSize;
  title?: string;
  subject?: string;
  creator?: string;
  /** An ISO timestamp for /CreationDate; the writer reads no clock. */
  createdAt?: string;
  /** Deflate the page contents (FlateDecode). Off by default, which keeps the text greppable. */
  compress?: boolean;
}

const DEFAULT_SIZE = 10;
const FONT_RESOURCE: Record<PdfFont, string> = { Helvetica: 'F1', 'Helvetica-Bold': 'F2' };

// ---------------------------------------------------------------------------------------------
// Windows-1252 (WinAnsiEncoding)

// Windows-1252 0x80–0x9F; the five codes it leaves undefined are absent.
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};
const QUESTION_MARK = 0x3f;

/** The Windows-1252 byte for one code point; '?' for what WinAnsi lacks, a space for tab and line breaks. */
function winAnsiByte(codePoint: number): number {
  if (codePoint >= 0x20 && codePoint < 0x7f) return codePoint;
  if (codePoint >= 0xa0 && codePoint <= 0xff) return codePoint;
  if (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d) return 0x20;
  return CP1252_HIGH[codePoint] ?? QUESTION_MARK;
}

/**
 * The text as a "binary string": one character per Windows-1252 byte (char code 0–255). Composed
 * first (NFC), so an "A" followed by a combining diaeresis becomes the single byte 0xC4.
 */
function toWinAnsiBinary(text: string): string {
  const normalized = text.normalize('NFC');
  // Printable ASCII and Latin-1 are their own bytes: the common case needs no per-character work.
  if (/^[\x20-\x7e\xa0-\xff]*$/.test(normalized)) return normalized;
  let out = '';
  for (const char of normalized) out += String.fromCharCode(winAnsiByte(char.codePointAt(0) as number));
  return out;
}

/** The text in Windows-1252 bytes, as the PDF's WinAnsiEncoding fonts read them. */
export function encodeWinAnsi(text: string): Buffer {
  return Buffer.from(toWinAnsiBinary(text), 'latin1');
}

// ---------------------------------------------------------------------------------------------
// Glyph widths: Adobe's Font Metrics (AFM) for the standard Helvetica and Helvetica-Bold, in
// 1/1000 em, for WinAnsiEncoding codes 32–255. Codes WinAnsi leaves undefined (127, 129, 141, 143,
// 144, 157) carry the bullet's width; the writer never emits them.

// prettier-ignore
const HELVETICA_WIDTHS: readonly number[] = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, //  32– 47
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, //  48– 63
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // 64– 79
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, //  80– 95
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, //  96–111
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 350, // 112–127
  556, 350, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350, // 128–143
  350, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 350, 500, 667, // 144–159
  278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160–175
  400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176–191
  667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192–207
  722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208–223
  556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, // 224–239
  556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500, // 240–255
];

// prettier-ignore
const HELVETICA_BOLD_WIDTHS: readonly number[] = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, //  32– 47
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, //  48– 63
  975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, //  64– 79
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, //  80– 95
  333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, //  96–111
  611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 350, // 112–127
  556, 350, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 350, 611, 350, // 128–143
  350, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 350, 500, 667, // 144–159
  278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333, // 160–175
  400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611, // 176–191
  722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, // 192–207
  722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, // 208–223
  556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, // 224–239
  611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556, // 240–255
];

const WIDTHS: Record<PdfFont, readonly number[]> = { Helvetica: HELVETICA_WIDTHS, 'Helvetica-Bold': HELVETICA_BOLD_WIDTHS };

/** The width of one WinAnsi byte in 1/1000 em (codes below 32 never reach the page). */
export function glyphWidth(font: PdfFont, byte: number): number {
  return WIDTHS[font][byte - 32] ?? 0;
}

function binaryWidth(binary: string, font: PdfFont): number {
  const widths = WIDTHS[font];
  let units = 0;
  for (let i = 0; i < binary.length; i++) units += widths[binary.charCodeAt(i) - 32] ?? 0;
  return units;
}

/** The text's advance width in points, as a reader lays it out in the font (no kerning). */
export function textWidth(text: string, font: PdfFont, size: number): number {
  return (binaryWidth(toWinAnsiBinary(text), font) * size) / 1000;
}

/** The text, cut short with an ellipsis ("…") if it is wider than `maxWidth` points. */
export function fitText(text: string, font: PdfFont, size: number, maxWidth: number): string {
  const normalized = text.normalize('NFC');
  const limit = (maxWidth * 1000) / size;
  if (binaryWidth(toWinAnsiBinary(normalized), font) <= limit) return normalized;
  const room = limit - glyphWidth(font, 0x85);
  const widths = WIDTHS[font];
  let used = 0;
  let end = 0;
  for (const char of normalized) {
    const width = widths[winAnsiByte(char.codePointAt(0) as number) - 32] ?? 0;
    if (used + width > room) break;
    used += width;
    end += char.length;
  }
  return `${normalized.slice(0, end).trimEnd()}…`;
}

// ---------------------------------------------------------------------------------------------
// Writing

/** A number for a content stream or a dictionary: at most two decimals, never an exponent. */
function num(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite coordinate: ${value}`);
  const fixed = value.toFixed(2);
  const trimmed = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** A literal string of WinAnsi bytes: backslash and both parentheses escaped. */
function pdfString(binary: string): string {
  return `(${binary.replace(/[\\()]/g, '\\$&')})`;
}

/** A text string for the document information: UTF-16BE with a byte-order mark, in hex. */
function pdfTextString(text: string): string {
  const bytes = Buffer.from(text, 'utf16le');
  bytes.swap16();
  return `<FEFF${bytes.toString('hex').toUpperCase()}>`;
}

/** "D:YYYYMMDDHHmmSSZ" from an ISO timestamp; undefined if it does not parse. */
function pdfDate(iso: string): string | undefined {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return undefined;
  const digits = new Date(time).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `D:${digits}Z`;
}

/** A page's content stream, as a binary string (every character one byte). */
function pageContent(page: PdfPage): string {
  const graphics: string[] = [];
  const text: string[] = [];
  let currentFont = '';
  let lineWidth = -1;
  for (const item of page.items) {
    if (item.kind === 'line') {
      const width = item.width ?? 0.5;
      if (width !== lineWidth) {
        graphics.push(`${num(width)} w`);
        lineWidth = width;
      }
      graphics.push(`${num(item.x1)} ${num(item.y1)} m ${num(item.x2)} ${num(item.y2)} l S`);
      continue;
    }
    const font = item.font ?? 'Helvetica';
    const size = item.size ?? DEFAULT_SIZE;
    const binary = toWinAnsiBinary(item.text);
    if (binary.length === 0) continue;
    const fontKey = `/${FONT_RESOURCE[font]} ${num(size)} Tf`;
    if (fontKey !== currentFont) {
      text.push(fontKey);
      currentFont = fontKey;
    }
    let x = item.x;
    if (item.align === 'right' || item.align === 'center') {
      const width = (binaryWidth(binary, font) * size) / 1000;
      x -= item.align === 'right' ? width : width / 2;
    }
    text.push(`1 0 0 1 ${num(x)} ${num(item.y)} Tm ${pdfString(binary)} Tj`);
  }
  const parts = graphics.length > 0 ? [...graphics] : [];
  if (text.length > 0) parts.push('BT', ...text, 'ET');
  return parts.join('\n') + '\n';
}

/** Collects the file's bytes as chunks and remembers where each object starts. */
class PdfFile {
  private readonly chunks: Buffer[] = [];
  private length = 0;
  readonly offsets: number[] = [];

  write(chunk: string | Buffer): void {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    this.chunks.push(buffer);
    this.length += buffer.length;
  }

  object(id: number, body: string | Buffer): void {
    this.offsets[id] = this.length;
    this.write(`${id} 0 obj\n`);
    this.write(body);
    this.write('\nendobj\n');
  }

  stream(id: number, data: Buffer, dictionary: string): void {
    this.offsets[id] = this.length;
    this.write(`${id} 0 obj\n<< ${dictionary}/Length ${data.length} >>\nstream\n`);
    this.write(data);
    this.write('\nendstream\nendobj\n');
  }

  get position(): number {
    return this.length;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}

/**
 * The pages as a PDF 1.4 file. Objects: 1 catalog, 2 page tree, 3–4 the two fonts, 5 document
 * information, then each page followed by its content stream.
 */
export function writePdf(pages: readonly PdfPage[], options: PdfDocumentOptions = {}): Buffer {
  if (pages.length === 0) throw new RangeError('a PDF needs at least one page');
  const size = options.pageSize ?? A4_PORTRAIT;
  const file = new PdfFile();
  // The binary comment tells transfer programs the file is not text.
  file.write('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');

  const firstPageId = 6;
  const pageIds = pages.map((_, i) => firstPageId + 2 * i);
  file.object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  file.object(2, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  file.object(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  file.object(4, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');

  const info: string[] = [`/Producer ${pdfTextString('clientfees')}`];
  if (options.title !== undefined) info.push(`/Title ${pdfTextString(options.title)}`);
  if (options.subject !== undefined) info.push(`/Subject ${pdfTextString(options.subject)}`);
  if (options.creator !== undefined) info.push(`/Creator ${pdfTextString(options.creator)}`);
  const created = options.createdAt === undefined ? undefined : pdfDate(options.createdAt);
  if (created !== undefined) info.push(`/CreationDate (${created})`);
  file.object(5, `<< ${info.join(' ')} >>`);

  const mediaBox = `[0 0 ${num(size.width)} ${num(size.height)}]`;
  pages.forEach((page, i) => {
    const pageId = pageIds[i];
    file.object(
      pageId,
      `<< /Type /Page /Parent 2 0 R /MediaBox ${mediaBox} /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageId + 1} 0 R >>`,
    );
    const content = Buffer.from(pageContent(page), 'latin1');
    if (options.compress) file.stream(pageId + 1, deflateSync(content), '/Filter /FlateDecode ');
    else file.stream(pageId + 1, content, '');
  });

  const objectCount = firstPageId + 2 * pages.length; // including object 0
  const xrefOffset = file.position;
  const xref: string[] = [`xref\n0 ${objectCount}\n`, '0000000000 65535 f \n'];
  for (let id = 1; id < objectCount; id++) xref.push(`${String(file.offsets[id]).padStart(10, '0')} 00000 n \n`);
  file.write(xref.join(''));
  file.write(`trailer\n<< /Size ${objectCount} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`);
  return file.toBuffer();
}
