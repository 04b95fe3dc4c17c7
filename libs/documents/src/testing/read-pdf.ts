import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface PdfContents {
  /** The text of each page, in reading order, white space folded. */
  pages: string[];
  /** The fonts embedded in the file (subset fonts with their programs), by name. */
  fonts: string[];
  title: string | null;
}

/** Test support (`@clientfees/documents/testing`). What a reader sees in a PDF: its pages' text, read by pdf.js, not by the code that wrote it. */
export function readPdf(pdf: Buffer): PdfContents {
  const output = execFileSync(process.execPath, [join(__dirname, 'pdf-text.mjs')], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(output.toString('utf8')) as PdfContents;
}
