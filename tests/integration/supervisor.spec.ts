import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eventually } from '@clientfees/testing';

const SUPERVISE = path.join(__dirname, '..', '..', 'scripts', 'supervise.sh');

/**
 * `npm start` runs every process under scripts/supervise.sh: a process that dies is started
 * again, with back-off, and the log says so; stopping the supervisor stops the process for good.
 * The supervised command here crashes on its first two starts and then runs, as a service
 * whose database came up late would.
 */
describe('the supervisor of npm start', () => {
  let dir: string;
  let supervisor: ChildProcess;
  let log = '';

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'clientfees-supervisor-'));
  });
  afterAll(() => {
    if (supervisor?.exitCode === null) supervisor.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('restarts a process that dies, waiting longer each time, and stops it with itself', async () => {
    const starts = path.join(dir, 'starts');
    const pidFile = path.join(dir, 'pid');
    const command = `n=$(cat ${starts} 2>/dev/null || echo 0); echo $((n + 1)) > ${starts}; echo $$ > ${pidFile}; [ "$n" -ge 2 ] || exit 3; exec sleep 600`;
    supervisor = spawn('bash', [SUPERVISE, 'demo-service', 'bash', '-c', command], { stdio: ['ignore', 'ignore', 'pipe'] });
    supervisor.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));

    await eventually(async () => log, (text) => (text.match(/started \(pid/g) ?? []).length === 3, 30000, 100);
    expect(readFileSync(starts, 'utf8').trim()).toBe('3');
    expect(log).toMatch(/demo-service: exited with code 3 after \d+ s; restarting in 1 s/);
    expect(log).toMatch(/demo-service: exited with code 3 after \d+ s; restarting in 2 s/);
    const running = Number(readFileSync(pidFile, 'utf8').trim());
    expect(() => process.kill(running, 0)).not.toThrow();

    // A crash of the running process (SIGKILL) is restarted too, after the next back-off.
    process.kill(running, 'SIGKILL');
    await eventually(async () => log, (text) => (text.match(/started \(pid/g) ?? []).length === 4, 30000, 100);
    expect(log).toMatch(/demo-service: exited with code 137 after \d+ s; restarting in 4 s/);
    const restarted = Number(readFileSync(pidFile, 'utf8').trim());

    // Stopped (as `npm stop` does): the process is stopped and not started again.
    const exited = new Promise<number | null>((resolve) => supervisor.once('exit', resolve));
    supervisor.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log).toMatch(/demo-service: stopped\n$/);
    expect(() => process.kill(restarted, 0)).toThrow();
    expect(readFileSync(starts, 'utf8').trim()).toBe('4');
  }, 60000);
});
