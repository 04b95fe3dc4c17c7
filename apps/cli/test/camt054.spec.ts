import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');
const sample = (name: string) => path.join(root, 'libs', 'iso20022', 'fixtures', 'camt054', name);

function clientfees(...args: string[]) {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'clientfees'), args, { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('clientfees camt054', () => {
  it('prints the FFFS sample in the JSON contract: netted references, the payer’s date, returned items ignored with reasons', () => {
    const { code, stdout, stderr } = clientfees('camt054', sample('fffs-fi-credit-advice.v02.xml'), '--json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const parsed = JSON.parse(stdout);
    expect(Object.keys(parsed)).toEqual(['messageId', 'version', 'account', 'payments', 'reversals', 'ignored']);
    expect(parsed).toMatchObject({ messageId: 'BANKFILEID219073', version: 'camt.054.001.02', account: 'FI7433010001222090', reversals: [] });
    expect(parsed.payments[0]).toEqual({
      amount: '1900.00',
      currency: 'EUR',
      references: ['3900', '12344'],
      bookingDate: '2009-10-29',
      paymentDate: '2009-10-28',
      externalId: 'FI7433010001222090/acctsvcr:D091029N987654321S001',
      debtorName: 'PAYERS NAME1',
    });
    expect(parsed.payments).toHaveLength(6);
    expect(parsed.ignored.map((item: { amount: string }) => item.amount)).toEqual(['2000.02', '1000.01', '1230.02', '500.00', '500.00', '40.00', '60.00']);
    expect(parsed.ignored[5].reason).toMatch(/Not booked \(status INFO.*AC01: 1\+TILIÄ EI LÖYDY/);
  });

  it('prints reversals with the payment they take back (PostFinance direct-debit refunds)', () => {
    const parsed = JSON.parse(clientfees('camt054', '--json', sample('postfinance-direct-debit-refunds.v04.xml')).stdout);
    expect(parsed.reversals).toEqual([
      { amount: '6.00', currency: 'CHF', externalId: 'CH0309000000250090342/acctsvcr:TST_205-2091679-6', reversesExternalId: 'CH0309000000250090342/e2e:EndToEnd-2B6C-CHDDBB5' },
      { amount: '15.53', currency: 'CHF', externalId: 'CH0309000000250090342/acctsvcr:TST_205-28529-1', reversesExternalId: 'CH0309000000250090342/e2e:E2E-1-1-16030913' },
    ]);
  });

  it('summarises in text without --json', () => {
    const { code, stdout } = clientfees('camt054', sample('handelsbanken-fi-credit-notification.v02.xml'));
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 2)).toEqual(['camt.054.001.02 CAMT08224820170203001, account FI1431313001234567', '4 payments (7048.00 EUR), 0 reversals, 0 ignored items']);
    expect(stdout).toMatch(/payment +6000\.54 EUR {2}2017-01-22 {2}refs 9580572, 00000000000009580521, 00000000000009579095/);
  });

  it.each([
    ['no file', ['camt054'], /FILE is required/],
    ['a missing file', ['camt054', '/no/such/file.xml'], /cannot read \/no\/such\/file\.xml: ENOENT/],
    ['a file that is not XML', ['camt054', path.join(root, 'README.md')], /README\.md: body: malformed XML/],
    ['an unknown option', ['camt054', sample('fffs-fi-credit-advice.v02.xml'), '--csv'], /Unknown option '--csv'/],
  ])('refuses %s with exit status 2 and the problem on stderr', (_what, args, problem) => {
    const result = clientfees(...args);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(problem);
  });

  it('refuses a camt.054.001.01 file naming the version', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'camt054-'));
    const file = path.join(dir, 'v01.xml');
    writeFileSync(file, readFileSync(sample('fffs-fi-credit-advice.v02.xml'), 'utf8').replace('camt.054.001.02"', 'camt.054.001.01"'));
    const result = clientfees('camt054', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Document\/@xmlns: camt\.054\.001\.01 is not read: camt\.054\.001\.02 to \.10 are/);
  });
});
