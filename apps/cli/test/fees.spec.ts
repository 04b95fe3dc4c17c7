import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

/** Runs the CLI as an operator would, through the npm bin link. */
function clientfees(...args: string[]) {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'clientfees'), args, { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

function json(...args: string[]) {
  const result = clientfees(...args, '--json');
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout);
}

function refused(args: string[], message: RegExp) {
  const result = clientfees(...args);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(message);
}

describe('clientfees fee home-care', () => {
  const args = ['fee', 'home-care', '--date', '2024-06-01', '--household-size', '2', '--gross-monthly-income', '2000.00', '--hours-per-month', '10'];

  it('prints the fee', () => {
    expect(clientfees(...args)).toEqual({ code: 0, stdout: '123.23', stderr: '' });
  });

  it('prints the income limit, percentage and fee with --json', () => {
    expect(json(...args)).toMatchObject({ incomeLimit: '1205.00', percentage: '15.5', fee: '123.23', currency: 'EUR' });
    expect(json('fee', 'home-care', '--date', '2024-06-01', '--household-size', '1', '--gross-monthly-income', '2000', '--hours-per-month', '38')).toMatchObject({
      incomeLimit: '653.00',
      percentage: '35',
      fee: '471.45',
    });
  });

  it('charges nothing at the income limit and caps the fee at the service cost', () => {
    expect(clientfees('fee', 'home-care', '--date', '2024-06-01', '--household-size', '1', '--gross-monthly-income', '653.00', '--hours-per-month', '38').stdout).toBe('0.00');
    expect(
      clientfees('fee', 'home-care', '--date', '2024-06-01', '--household-size', '1', '--gross-monthly-income', '5000', '--hours-per-month', '38', '--service-cost', '900.00').stdout,
    ).toBe('900.00');
  });

  it.each([
    [['--date', '2024-06-01', '--household-size', '2', '--gross-monthly-income', '2000.00'], /--hours-per-month is required/],
    [['--date', '2024-06-01', '--household-size', '0', '--gross-monthly-income', '2000.00', '--hours-per-month', '10'], /--household-size must be a whole number/],
    [['--date', '2024-06-01', '--household-size', '2', '--gross-monthly-income', '2000,00', '--hours-per-month', '10'], /--gross-monthly-income: must use a point/],
    [['--date', '2024-06-01', '--household-size', '2', '--gross-monthly-income=-5', '--hours-per-month', '10'], /--gross-monthly-income must not be negative/],
    [['--date', '2024-06-01', '--household-size', '2', '--gross-monthly-income', '2000.00', '--hours-per-month', 'lots'], /--hours-per-month must be a number/],
    [['--date', '2021-06-30', '--household-size', '2', '--gross-monthly-income', '2000.00', '--hours-per-month', '10'], /--date: no rule for 2021-06-30/],
    [['--date', '31.12.2024', '--household-size', '2', '--gross-monthly-income', '2000.00', '--hours-per-month', '10'], /--date/],
  ])('refuses %j with exit code 2 and a message naming the option', (args, message) => {
    refused(['fee', 'home-care', ...(args as string[])], message as RegExp);
  });
});

describe('clientfees fee long-term-care', () => {
  it('prints the fee, and with --json the personal allowance', () => {
    expect(clientfees('fee', 'long-term-care', '--date', '2023-05-01', '--net-monthly-income', '1500.00', '--deductions', '100.00')).toEqual({ code: 0, stdout: '1190.00', stderr: '' });
    expect(json('fee', 'long-term-care', '--date', '2023-05-01', '--net-monthly-income', '1000.00')).toMatchObject({ fee: '833.00', personalAllowance: '167.00' });
  });

  it('applies the spouse rule when the spouse earns less', () => {
    expect(json('fee', 'long-term-care', '--date', '2023-05-01', '--net-monthly-income', '2000.00', '--spouse-net-monthly-income', '1000.00')).toMatchObject({
      fee: '1275.00',
      personalAllowance: '167.00',
      spouseRuleApplied: true,
    });
    expect(json('fee', 'long-term-care', '--date', '2023-05-01', '--net-monthly-income', '1000.00', '--spouse-net-monthly-income', '2000.00')).toMatchObject({
      fee: '833.00',
      spouseRuleApplied: false,
    });
  });

  it('takes the care type', () => {
    expect(json('fee', 'long-term-care', '--date', '2023-05-01', '--net-monthly-income', '1000.00', '--care-type', 'institutional-care')).toMatchObject({
      fee: '850.00',
      personalAllowance: '112.00',
    });
  });

  it.each([
    [['--date', '2023-05-01'], /--net-monthly-income is required/],
    [['--date', '2023-05-01', '--net-monthly-income', 'lots'], /--net-monthly-income: must be a decimal number/],
    [['--date', '2023-05-01', '--net-monthly-income', '1000', '--deductions', '1.234'], /--deductions: has more than 2 decimals/],
    [['--date', '2023-05-01', '--net-monthly-income', '1000', '--care-type', 'hotel'], /--care-type must be one of/],
    [['--date', '2021-06-30', '--net-monthly-income', '1000'], /--date: no rule for 2021-06-30/],
  ])('refuses %j with exit code 2', (args, message) => {
    refused(['fee', 'long-term-care', ...(args as string[])], message as RegExp);
  });
});

describe('clientfees fee se-elderly-care', () => {
  const args = ['fee', 'se-elderly-care', '--date', '2024-05-01', '--housing-cost', '5000', '--service-cost', '3000'];

  it('prints the fee, and with --json the minimum amount, fee room and maxtaxa', () => {
    expect(clientfees(...args, '--net-monthly-income', '13000')).toEqual({ code: 0, stdout: '938.00', stderr: '' });
    expect(json(...args, '--net-monthly-income', '15000')).toMatchObject({ minimumAmount: '7062.00', feeRoom: '2938.00', maxFee: '2575.00', fee: '2575.00', currency: 'SEK' });
  });

  it('uses the couple’s minimum amount with --cohabiting and charges nothing without fee room', () => {
    expect(json(...args, '--net-monthly-income', '12000', '--cohabiting')).toMatchObject({ minimumAmount: '5762.00', feeRoom: '1238.00', fee: '1238.00' });
    expect(json(...args, '--net-monthly-income', '12000')).toMatchObject({ feeRoom: '-62.00', fee: '0.00' });
  });

  it('pools a spouse income with --married, and refuses to pool a cohabitant’s', () => {
    expect(json(...args, '--net-monthly-income', '15000', '--married', '--spouse-net-monthly-income', '10000')).toMatchObject({ minimumAmount: '5762.00', feeRoom: '1738.00', fee: '1738.00' });
    refused([...args, '--net-monthly-income', '15000', '--cohabiting', '--spouse-net-monthly-income', '10000'], /--spouse-net-monthly-income: is not counted for a cohabitant/);
    refused([...args, '--net-monthly-income', '15000', '--spouse-net-monthly-income', '10000'], /--spouse-net-monthly-income: is only for a married client/);
    refused([...args, '--net-monthly-income', '15000', '--married', '--cohabiting'], /--married and --cohabiting exclude each other/);
  });

  it('charges the special-housing fee first, at most its cap', () => {
    // 2024: room 15 000 − 7 062 = 7 938 (no housing cost reserved); housing min(3 000, cap 2 644.87); care 2 575.
    const special = ['fee', 'se-elderly-care', '--date', '2024-05-01', '--housing-cost', '0', '--service-cost', '3000', '--net-monthly-income', '15000'];
    expect(json(...special, '--special-housing-fee', '3000')).toMatchObject({ housingFee: '2644.87', fee: '2575.00' });
  });

  it('uses 2026 maxtaxa', () => {
    expect(json('fee', 'se-elderly-care', '--date', '2026-02-01', '--net-monthly-income', '20000', '--housing-cost', '5000', '--service-cost', '3000').maxFee).toBe('2660.00');
  });

  it.each([
    [['--date', '2024-05-01', '--net-monthly-income', '13000', '--housing-cost', '5000'], /--service-cost is required/],
    [['--date', '2024-05-01', '--net-monthly-income', '13000', '--housing-cost=-1', '--service-cost', '3000'], /--housing-cost must not be negative/],
    [['--date', '2024-05-01', '--net-monthly-income', '13000', '--housing-cost', '5000', '--service-cost', '3000', '--cohabiting=yes'], /cohabiting/],
    [['--date', '2028-01-01', '--net-monthly-income', '13000', '--housing-cost', '5000', '--service-cost', '3000'], /--date: no rule for 2028-01-01/],
  ])('refuses %j with exit code 2', (args, message) => {
    refused(['fee', 'se-elderly-care', ...(args as string[])], message as RegExp);
  });

  it('refuses a missing or unknown fee kind', () => {
    refused(['fee'], /which fee\? Give one of home-care, long-term-care, se-elderly-care/);
    refused(['fee', 'parking'], /unknown fee "parking"/);
  });
});

describe('clientfees absence', () => {
  it.each([
    ['10', '25', '643.75'],
    ['14', '50', '1287.50'],
    ['28', '100', '2575.00'],
    ['6', '0', '0.00'],
  ])('planned, %s days: %s % of the monthly fee', (days, percent, deduction) => {
    expect(json('absence', '--kind', 'planned', '--days', days, '--monthly-fee', '2575.00')).toEqual({ kind: 'planned', days: Number(days), deductionPercent: percent, deduction });
  });

  it('prints the deduction without --json; unplanned is 1/30 a day', () => {
    expect(clientfees('absence', '--kind', 'planned', '--days', '10', '--monthly-fee', '2575.00')).toEqual({ code: 0, stdout: '643.75', stderr: '' });
    expect(clientfees('absence', '--kind', 'unplanned', '--days', '7', '--monthly-fee', '2575.00')).toEqual({ code: 0, stdout: '600.83', stderr: '' });
    expect(json('absence', '--kind', 'unplanned', '--days', '31', '--monthly-fee', '2575.00')).toEqual({ kind: 'unplanned', days: 31, deduction: '2575.00' });
  });

  it.each([
    [['--kind', 'sometimes', '--days', '10', '--monthly-fee', '100'], /--kind must be planned or unplanned/],
    [['--kind', 'planned', '--monthly-fee', '100'], /--days is required/],
    [['--kind', 'planned', '--days', '1.5', '--monthly-fee', '100'], /--days must be a whole number/],
    [['--kind', 'planned', '--days', '10', '--monthly-fee', 'abc'], /--monthly-fee: must be a decimal number/],
    [['--kind', 'planned', '--days', '10'], /--monthly-fee is required/],
  ])('refuses %j with exit code 2', (args, message) => {
    refused(['absence', ...(args as string[])], message as RegExp);
  });
});

describe('clientfees rent-contract-date', () => {
  it.each([
    ['care', '2024-03-14', '2024-03-17'],
    ['care', '2024-03-15', '2024-04-01'],
    ['service-apartment', '2024-03-14', '2024-03-01'],
    ['service-apartment', '2024-03-15', '2024-03-17'],
  ])('%s, move-in %s → %s', (housing, moveIn, contractDate) => {
    expect(clientfees('rent-contract-date', '--housing', housing, '--move-in', moveIn)).toEqual({ code: 0, stdout: contractDate, stderr: '' });
  });

  it('prints JSON with --json', () => {
    expect(json('rent-contract-date', '--housing', 'care', '--move-in', '2024-12-20')).toEqual({ housing: 'care', moveIn: '2024-12-20', contractDate: '2025-01-01' });
  });

  it.each([
    [['--housing', 'castle', '--move-in', '2024-03-14'], /--housing must be care or service-apartment/],
    [['--housing', 'care'], /--move-in is required/],
    [['--housing', 'care', '--move-in', '2024-02-30'], /--move-in/],
  ])('refuses %j with exit code 2', (args, message) => {
    refused(['rent-contract-date', ...(args as string[])], message as RegExp);
  });

  it('lists the new commands in the help', () => {
    const help = clientfees('--help').stdout;
    for (const name of ['fee', 'absence', 'rent-contract-date']) expect(help).toMatch(new RegExp(`^  ${name} `, 'm'));
  });
});
