import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

/** Runs the CLI as an operator would, through the npm bin link. */
function clientfees(...args: string[]) {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'clientfees'), args, { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('clientfees estate', () => {
  it('prints the issue’s example: a death on 2024-11-30 has the inventory due on 2025-02-28', () => {
    const { code, stdout, stderr } = clientfees('estate', '--country', 'FI', '--date-of-death', '2024-11-30', '--json');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe('{"billingEndsOn":"2024-11-30","voucherClosesOn":"2024-12-01","inventoryDeadline":"2025-02-28"}');
  });

  it('closes vouchers across a year end and gives a leap-day deadline in Sweden', () => {
    expect(JSON.parse(clientfees('estate', '--country', 'SE', '--date-of-death', '2023-11-29', '--json').stdout)).toEqual({
      billingEndsOn: '2023-11-29',
      voucherClosesOn: '2023-11-30',
      inventoryDeadline: '2024-02-29',
    });
    expect(JSON.parse(clientfees('estate', '--country', 'FI', '--date-of-death', '2026-12-31', '--json').stdout).voucherClosesOn).toBe('2027-01-01');
  });

  it('prints one date a line without --json', () => {
    expect(clientfees('estate', '--country', 'SE', '--date-of-death', '2026-03-31')).toEqual({
      code: 0,
      stdout: 'billingEndsOn: 2026-03-31\nvoucherClosesOn: 2026-04-01\ninventoryDeadline: 2026-06-30',
      stderr: '',
    });
  });

  it.each([
    [['--country', 'NO', '--date-of-death', '2024-11-30'], /--country must be FI or SE/],
    [['--country', 'FI'], /--date-of-death is required/],
    [['--country', 'FI', '--date-of-death', '2025-02-29'], /--date-of-death: day 29 does not exist in 2025-02/],
    [['--country', 'FI', '--date-of-death', '30.11.2024'], /--date-of-death: must be a date in the form YYYY-MM-DD/],
    [['--country', 'FI', '--date-of-death', '2024-11-30', '--heirs', '3'], /heirs/],
  ])('refuses bad input %j on stderr with exit code 2', (args, message) => {
    const result = clientfees('estate', ...(args as string[]));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message as RegExp);
  });
});

describe('clientfees debt-restructuring', () => {
  it('writes off five calendar years after the decision takes effect: 2024-02-29 → 2029-02-28', () => {
    expect(clientfees('debt-restructuring', '--effective', '2024-02-29', '--json')).toEqual({ code: 0, stdout: '{"writeOffDate":"2029-02-28"}', stderr: '' });
    expect(clientfees('debt-restructuring', '--effective', '2026-04-01').stdout).toBe('writeOffDate: 2031-04-01');
  });

  it.each([
    [[], /--effective is required/],
    [['--effective', '2026-13-01'], /--effective: month must be between 01 and 12/],
    [['--effective', 'tomorrow'], /--effective: must be a date/],
    [['--effective', '2026-04-01', '--years', '3'], /years/],
  ])('refuses bad input %j on stderr with exit code 2', (args, message) => {
    const result = clientfees('debt-restructuring', ...(args as string[]));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message as RegExp);
  });
});
