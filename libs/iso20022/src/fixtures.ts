import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The published camt.054 samples (see fixtures/camt054/SOURCES.md), for tests and the benchmark. */
export const CAMT054_FIXTURES = join(__dirname, '..', 'fixtures', 'camt054');

export function camt054Fixture(name: string): string {
  return readFileSync(join(CAMT054_FIXTURES, name), 'utf8');
}

/** Every sample file, by its path under the fixtures folder. */
export function allCamt054Fixtures(): string[] {
  const top = readdirSync(CAMT054_FIXTURES).filter((name) => name.endsWith('.xml'));
  const lithuanian = readdirSync(join(CAMT054_FIXTURES, 'lithuanian-emi'))
    .filter((name) => name.endsWith('.xml'))
    .map((name) => `lithuanian-emi/${name}`);
  return [...top, ...lithuanian].sort();
}

/**
 * The same file as if the bank had booked it: the Lithuanian institution's files are information
 * only (`Sts` INFO, no booking date), which is exactly the case where nothing may be counted as
 * received; booked, the same transactions are money on the account.
 */
export function bookedCopy(xml: string, bookingDate: string): string {
  return xml.replace(/<Sts>\s*INFO\s*<\/Sts>/g, `<Sts>BOOK</Sts><BookgDt><Dt>${bookingDate}</Dt></BookgDt>`);
}
export { fileTotals } from './camt054/file-totals';
