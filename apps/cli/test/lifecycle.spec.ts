import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

/** Runs the CLI as an operator would, through the npm bin link. */
function clientfees(...args: string[]) {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'clientfees'), args, { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('clientfees timeline', () => {
  it('prints the seed timeline: due 11.8.2017, transferred and reminded Tue 29.8.2017', () => {
    expect(clientfees('timeline', '--country', 'FI', '--invoice-date', '2017-07-25')).toEqual({
      code: 0,
      stdout: [
        'invoiceDate: 2017-07-25',
        'dueDate: 2017-08-11',
        'transferEligibleDate: 2017-08-28',
        'transferRunDate: 2017-08-29',
        'reminderDueDate: 2017-09-12',
      ].join('\n'),
      stderr: '',
    });
  });

  it('prints JSON with --json, fields in timeline order', () => {
    const { code, stdout, stderr } = clientfees('timeline', '--country', 'FI', '--invoice-date', '2017-07-25', '--json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      '{"invoiceDate":"2017-07-25","dueDate":"2017-08-11","transferEligibleDate":"2017-08-28","transferRunDate":"2017-08-29","reminderDueDate":"2017-09-12"}',
    );
  });

  it.each([
    // Christmas 2026: due 30.12.2026; +17 = Sat 16.1.2027 → Tuesday run 19.1.
    ['FI', '2026-12-10', { dueDate: '2026-12-30', transferEligibleDate: '2027-01-16', transferRunDate: '2027-01-19', reminderDueDate: '2027-02-02' }],
    // Midsummer 2026 in Sweden: due 24.6; +17 = Sat 11.7 → Tuesday run 14.7.
    ['SE', '2026-06-05', { dueDate: '2026-06-24', transferEligibleDate: '2026-07-11', transferRunDate: '2026-07-14', reminderDueDate: '2026-07-28' }],
  ])('follows the %s calendar from %s', (country, invoiceDate, expected) => {
    const { code, stdout } = clientfees('timeline', '--country', country, '--invoice-date', invoiceDate, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ invoiceDate, ...expected });
  });

  it.each([
    [['--country', 'NO', '--invoice-date', '2017-07-25'], /--country must be FI or SE/],
    [['--country', 'FI'], /--invoice-date is required/],
    [['--country', 'FI', '--invoice-date', '2017-02-30'], /--invoice-date: day 30 does not exist/],
    [['--country', 'FI', '--invoice-date', '2017-07-25', '--bogus'], /bogus/],
  ])('refuses bad input %j with exit code 2 and a message', (args, message) => {
    const result = clientfees('timeline', ...(args as string[]));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message as RegExp);
  });
});

describe('clientfees interest', () => {
  const june2023 = ['--country', 'FI', '--principal', '100.00', '--from', '2023-06-20', '--to', '2023-07-10'];

  it('prints the interest across a half-year boundary: 11 days at 9.5 % + 10 days at 11 % of 100 € = 0.59', () => {
    expect(clientfees('interest', ...june2023)).toEqual({ code: 0, stdout: '0.59', stderr: '' });
  });

  it('prints the figure with its days and breakdown with --json', () => {
    const { code, stdout } = clientfees('interest', ...june2023, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ interest: '0.59', currency: 'EUR', principal: '100.00', from: '2023-06-20', to: '2023-07-10', days: 21 });
    expect(json.breakdown).toEqual([
      expect.objectContaining({ from: '2023-06-20', to: '2023-06-30', days: 11, referenceRatePercent: '2.50', annualRatePercent: '9.50', exactAmount: '0.286301', status: 'confirmed' }),
      expect.objectContaining({ from: '2023-07-01', to: '2023-07-10', days: 10, referenceRatePercent: '4.00', annualRatePercent: '11.00', exactAmount: '0.301370', status: 'confirmed' }),
    ]);
    expect(json.breakdown[0].source).toMatch(/Bank of Finland/);
  });

  it('counts both ends and uses the Swedish margin of 8 pp', () => {
    // 36 500 kr × (2.00 + 8) % / 365 = 10.00 kr for the single day.
    const { stdout } = clientfees('interest', '--country', 'SE', '--principal', '36500', '--from', '2025-09-01', '--to', '2025-09-01', '--json');
    expect(JSON.parse(stdout)).toMatchObject({ interest: '10.00', currency: 'SEK', days: 1 });
  });

  it.each([
    [['--country', 'FI', '--principal', '100', '--from', '2024-02-10', '--to', '2024-02-09'], /--to: must not be before from \(2024-02-10\)/],
    [['--country', 'FI', '--principal', '12,50', '--from', '2024-02-10', '--to', '2024-02-11'], /--principal: must use a point as the decimal separator/],
    [['--country', 'FI', '--principal', 'abc', '--from', '2024-02-10', '--to', '2024-02-11'], /--principal: must be a decimal number/],
    [['--country', 'FI', '--principal', '1.005', '--from', '2024-02-10', '--to', '2024-02-11'], /--principal: has more than 2 decimals/],
    [['--country', 'FI', '--principal=-1', '--from', '2024-02-10', '--to', '2024-02-11'], /--principal: must not be negative/],
    [['--country', 'FI', '--principal', '100', '--from', '2015-12-30', '--to', '2016-01-05'], /no late-payment interest rate for FI on 2015-12-30/],
    [['--country', 'FI', '--principal', '100', '--from', '2024-02-30', '--to', '2024-03-05'], /--from: day 30 does not exist/],
    [['--country', 'FI', '--from', '2024-02-10', '--to', '2024-02-11'], /--principal is required/],
    [['--country', 'SE', '--principal', '100', '--from', '2024-02-10'], /--to is required/],
  ])('refuses bad input %j with exit code 2 and a message', (args, message) => {
    const result = clientfees('interest', ...(args as string[]));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message as RegExp);
  });
});

describe('clientfees --help', () => {
  it('lists both commands and explains their options', () => {
    expect(clientfees('--help').stdout).toMatch(/timeline .*\n.*interest /);
    expect(clientfees('timeline', '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('--invoice-date YYYY-MM-DD') });
    expect(clientfees('interest', '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('--principal 123.45') });
  });
});
