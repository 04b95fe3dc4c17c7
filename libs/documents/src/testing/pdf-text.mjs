// Reads a PDF on stdin with Mozilla's pdf.js (a reader nobody here wrote) and prints
// {"pages": ["text of page 1", …], "fonts": ["embedded font names"], "title": "…"} as JSON.
// A separate process because pdf.js ships only as an ES module.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));
const document = await getDocument({ data, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
const pages = [];
const fonts = new Set();
for (let number = 1; number <= document.numPages; number++) {
  const page = await document.getPage(number);
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) {
    if (!('str' in item)) continue;
    text += item.str + (item.hasEOL ? '\n' : ' ');
  }
  pages.push(text.replace(/[ \t]+/g, ' ').trim());
}
// Embedded fonts: a subset font's name carries a six-letter tag (ABCDEF+Name) and its program
// travels in the file (FontFile2); the 14 standard fonts have neither.
const raw = Buffer.concat(chunks).toString('latin1');
if (raw.includes('/FontFile2') || raw.includes('/FontFile3')) {
  for (const match of raw.matchAll(/\/BaseFont\s*\/([A-Z]{6})\+([\w.-]+)/g)) fonts.add(match[2]);
}
const { info } = await document.getMetadata();
process.stdout.write(JSON.stringify({ pages, fonts: [...fonts], title: info?.Title ?? null }));
