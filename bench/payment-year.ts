import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CAMT054_FIXTURES } from '@clientfees/iso20022/fixtures';

/**
 * The benchmark's year of daily camt.054 files: the Lithuanian e-money institution's real,
 * anonymised year (270 files, 61,093 transactions; fixtures/camt054/SOURCES.md), as the bank would
 * send it once booked: status BOOK with the day as booking date instead of INFO, and creditor
 * references in the credit transfers, which the real files lack (the institution's payers paid
 * without them), so that the import matches, allocates and overpays as it does with a county's
 * reference payments. Everything else (netted daily entries of both signs, `.5` amounts, the
 * ids, repeated ids included) is the bank's own.
 */
export interface PaymentDay {
  name: string;
  xml: string;
  /** Credit transfers in the day (transactions with CdtDbtInd CRDT) and those given a reference. */
  credits: number;
  referenced: number;
  transactions: number;
}

export const YEAR_ACCOUNT = 'LT809872649478701594';

export function readPaymentYear(): Array<{ name: string; xml: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'camt054-year-'));
  try {
    execFileSync('tar', ['-xzf', path.join(CAMT054_FIXTURES, 'lithuanian-emi', 'camt054-year.tgz'), '-C', dir]);
    const days = path.join(dir, 'CAMT_054');
    return readdirSync(days)
      .filter((name) => name.endsWith('.xml'))
      .sort()
      .map((name) => ({ name, xml: readFileSync(path.join(days, name), 'utf8') }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The day as booked, with `reference(i)` written into the i-th credit transfer of the year when it
 * returns one (undefined: the payer gave none, as some do).
 */
export function bookedDay(day: { name: string; xml: string }, reference: (creditIndex: number) => string | undefined, firstCredit: number): PaymentDay {
  const bookingDate = day.name.slice(0, 10);
  let credits = 0;
  let referenced = 0;
  let transactions = 0;
  const xml = day.xml
    .replace(/<Sts>\s*INFO\s*<\/Sts>/g, `<Sts>BOOK</Sts><BookgDt><Dt>${bookingDate}</Dt></BookgDt>`)
    .replace(/<TxDtls>([\s\S]*?)<\/TxDtls>/g, (whole, inner: string) => {
      transactions++;
      if (!/<CdtDbtInd>CRDT<\/CdtDbtInd>/.test(inner)) return whole;
      const ref = reference(firstCredit + credits++);
      if (ref === undefined || /<RmtInf>/.test(inner)) return whole;
      referenced++;
      // RmtInf goes where the schema's order of TxDtls puts it: before the first element that
      // follows it (RltdDts, …), else at the end.
      const remittance = `<RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${ref}</Ref></CdtrRefInf></Strd></RmtInf>`;
      const next = /<(RltdDts|RltdPric|RltdQties|FinInstrmId|Tax|RtrInf|CorpActn|SfkpgAcct|CshDpst|CardTx|AddtlTxInf|SplmtryData)>/.exec(inner);
      return `<TxDtls>${next ? inner.slice(0, next.index) + remittance + inner.slice(next.index) : inner + remittance}</TxDtls>`;
    });
  return { name: day.name, xml, credits, referenced, transactions };
}
