import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

function clientfees(...args: string[]) {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'clientfees'), args, { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe('clientfees interruption (seed 003 §4.3.5.1)', () => {
  it('splits the seed example 2.7.–17.7.2015 into 12 compensated days and 4 not, one entry per day', () => {
    const { code, stdout, stderr } = clientfees('interruption', '--start', '2015-07-02', '--end', '2015-07-17', '--json');
    expect([code, stderr]).toEqual([0, '']);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual(['compensatedDays', 'uncompensatedDays', 'days']);
    expect([result.compensatedDays, result.uncompensatedDays]).toEqual([12, 4]);
    expect(result.days).toHaveLength(16);
    expect(result.days[0]).toEqual({ date: '2015-07-02', percent: 100 });
    expect(result.days.filter((day: { percent: number }) => day.percent === 0).map((day: { date: string }) => day.date)).toEqual(['2015-07-13', '2015-07-14', '2015-07-15', '2015-07-16']);
    expect(result.days[15]).toEqual({ date: '2015-07-17', percent: 100 });
  });

  it('runs across a month end (5.11.–8.12.)', () => {
    const result = JSON.parse(clientfees('interruption', '--start', '2015-11-05', '--end', '2015-12-08', '--json').stdout);
    expect([result.compensatedDays, result.uncompensatedDays, result.days.length]).toEqual([12, 22, 34]);
  });

  it('prints a readable split without --json', () => {
    const { code, stdout } = clientfees('interruption', '--start', '2015-07-02', '--end', '2015-07-17');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('12 day(s) compensated, 4 not');
    expect(stdout).toContain('2015-07-02  100 %  departure (day 0)');
    expect(stdout).toContain('2015-07-13    0 %  day 11');
    expect(stdout).toContain('2015-07-17  100 %  return day');
  });

  it.each([
    [['--start', '2015-07-17', '--end', '2015-07-02'], /--end: must not be before the start \(2015-07-17\)/],
    [['--start', '2015-07-02'], /--end is required/],
    [['--start', '2015-02-30', '--end', '2015-03-02'], /--start/],
    [['--start', '2015-07-02', '--end', '17.7.2015'], /--end/],
  ])('refuses %j on stderr with exit code 2', (args, message) => {
    const result = clientfees('interruption', ...(args as string[]));
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message as RegExp);
  });
});
