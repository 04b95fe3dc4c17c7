import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

/** Runs the CLI as an operator would, through the npm bin link. */
function clientfees(...args: string[]) {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'clientfees'), args, { cwd: root, encoding: 'utf8', env: { ...process.env, AUTH_SIGNING_KEY: 'k'.repeat(40) } });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('clientfees due-date', () => {
  it('gives the seed example: invoice 25.7.2017 is due 11.8.2017', () => {
    expect(clientfees('due-date', '--country', 'FI', '--invoice-date', '2017-07-25')).toEqual({ code: 0, stdout: '2017-08-11', stderr: '' });
  });

  it('prints JSON with --json', () => {
    const { code, stdout } = clientfees('due-date', '--country', 'FI', '--invoice-date', '2017-07-25', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ invoiceDate: '2017-07-25', dueDate: '2017-08-11' });
  });

  it.each([
    // Easter 2025: 4.4 + 14 = Fri 18.4 Good Friday; Easter Monday 21.4 closed → 22, 23, 24.4.
    ['FI', '2025-04-04', '2025-04-24'],
    // Midsummer 2026: 5.6 + 14 = Fri 19.6 Midsummer Eve (closed in both) → 22, 23, 24.6.
    ['FI', '2026-06-05', '2026-06-24'],
    ['SE', '2026-06-05', '2026-06-24'],
    // Christmas 2026: 10.12 + 14 = Thu 24.12 → FI 28, 29, 30.12; SE also closes New Year's Eve → 28, 29, 30.12.
    ['FI', '2026-12-10', '2026-12-30'],
    // New Year 2027: 17.12 + 14 = Thu 31.12; FI New Year's Eve is a banking day but counting starts after it: 4.1, 5.1, 7.1 (Epiphany 6.1).
    ['FI', '2026-12-17', '2027-01-07'],
    ['SE', '2026-12-17', '2027-01-07'],
  ])('follows the %s banking calendar from %s to %s', (country, invoiceDate, due) => {
    expect(clientfees('due-date', '--country', country, '--invoice-date', invoiceDate).stdout).toBe(due);
  });

  it('honours another payment term and banking-day count', () => {
    expect(clientfees('due-date', '--country', 'SE', '--invoice-date', '2026-03-02', '--payment-term-days', '30', '--banking-days', '0').stdout).toBe('2026-04-01');
  });

  it.each([
    [['--country', 'NO', '--invoice-date', '2017-07-25'], /--country must be FI or SE/],
    [['--country', 'FI'], /--invoice-date is required/],
    [['--country', 'FI', '--invoice-date', '2017-02-30'], /invoice-date/],
    [['--country', 'FI', '--invoice-date', '25.7.2017'], /invoice-date/],
    [['--country', 'FI', '--invoice-date', '2017-07-25', '--payment-term-days=-1'], /--payment-term-days must be a whole number/],
    [['--country', 'FI', '--invoice-date', '2017-07-25', '--banking-days', 'three'], /--banking-days must be a whole number/],
    [['--country', 'FI', '--invoice-date', '2017-07-25', '--bogus'], /bogus/],
  ])('refuses bad input %j with exit code 2 and a message', (args, message) => {
    const result = clientfees('due-date', ...(args as string[]));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message as RegExp);
  });
});

describe('clientfees', () => {
  it('refuses an unknown command with exit code 2', () => {
    const result = clientfees('frobnicate');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('mints a token for the organisations it names, and refuses unknown roles', () => {
    const token = clientfees('token', '--roles', 'finance-centre,billing-supervisor', '--organisations', 'fi-demo,se-demo');
    expect(token.code).toBe(0);
    const payload = JSON.parse(Buffer.from(token.stdout.split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ roles: ['finance-centre', 'billing-supervisor'], organisations: ['fi-demo', 'se-demo'] });
    expect(clientfees('token', '--roles', 'emperor', '--organisations', 'fi-demo')).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown role emperor/) });
  });

  it('binds a unit manager to debiting areas and a provider user to its provider', () => {
    const manager = clientfees('token', '--roles', 'unit-manager', '--organisations', 'fi-demo', '--debiting-areas', 'A1,A2');
    expect(JSON.parse(Buffer.from(manager.stdout.split('.')[1], 'base64url').toString())).toMatchObject({ debitingAreas: ['A1', 'A2'] });
    const provider = clientfees('token', '--roles', 'service-provider', '--organisations', 'fi-kouvola', '--provider', 'p-7');
    expect(JSON.parse(Buffer.from(provider.stdout.split('.')[1], 'base64url').toString())).toMatchObject({ providerId: 'p-7' });
    expect(clientfees('token', '--roles', 'service-provider', '--organisations', 'fi-kouvola')).toMatchObject({ code: 2, stderr: expect.stringMatching(/providerId/) });
  });

  it.each([
    [['--roles', 'finance-centre'], /--organisations is required/],
    [['--roles', 'finance-centre', '--organisations', 'fi-demo,,se-demo'], /without empty items/],
    [['--roles', 'finance-centre', '--organisations', 'FI Demo'], /not an organisation id/],
  ])('refuses a token without proper organisations %j (exit 2)', (args, message) => {
    const result = clientfees('token', ...(args as string[]));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message as RegExp);
  });
});
