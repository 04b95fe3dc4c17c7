import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { SERVICE_NAMES } from '@clientfees/contracts';
import { ROLES } from '@clientfees/domain';
import { mintAccessToken } from '@clientfees/platform';
import { startProcessStack, TEST_SIGNING_KEY, testToken } from '@clientfees/testing';

/**
 * `npm run fuzz [-- --quick]`: schemathesis reads each service's OpenAPI and sends what it
 * generates from it — examples, the edges of every schema (the coverage phase) and random
 * values — to the service running as a process (the process stack: the five services, the
 * workflow worker, a fresh database and a Temporal dev server). Each service is called with a
 * token of all roles (everything reachable), with each role's own token and with bad tokens (a
 * wrong signature, an expired one, none). Every response is checked: no 5xx, the documented
 * schema where a response is documented, no request left without an answer within 10 s (a hang).
 * The full pass's figures go to RELIABILITY.md, the quick pass's (run by `npm test`) to
 * tmp/fuzz/quick-summary.md; any failure exits 1 (a fuzzer error, schemathesis failing on its
 * own, is listed but does not).
 */

const ROOT = path.join(__dirname, '..');
const RELIABILITY = path.join(ROOT, 'RELIABILITY.md');
const REPORTS = path.join(ROOT, 'tmp', 'fuzz');
const QUICK = process.argv.includes('--quick');
/** How long a request may take before it counts as a hang. */
const HANG_SECONDS = 10;
const ORGANISATIONS = ['fi-demo', 'se-demo'];

interface Caller {
  name: string;
  authorization: string | undefined;
  /** Schemathesis phases and examples per operation for this caller. */
  phases: string;
  maxExamples: number;
}

interface RunFigures {
  requests: number;
  byStatus: Map<number, number>;
  serverErrors: number;
  schemaViolations: number;
  hangs: number;
  otherFailures: number;
  /** Errors of schemathesis itself (`<error>` in its JUnit report), not answers of the API. */
  fuzzerErrors: number;
  failures: string[];
  operations: number;
}

function callers(): Caller[] {
  const everyone = ROLES.filter((role) => role !== 'service-provider');
  const bearer = (token: string) => `Bearer ${token}`;
  const expired = mintAccessToken({ sub: 'fuzz', roles: [...everyone], organisations: ORGANISATIONS }, TEST_SIGNING_KEY, -60);
  const wrongKey = mintAccessToken({ sub: 'fuzz', roles: [...everyone], organisations: ORGANISATIONS }, 'not-the-signing-key-0123456789abcdefghijkl');
  const main = QUICK ? 'examples,coverage' : 'examples,coverage,fuzzing';
  const list: Caller[] = [{ name: 'every role', authorization: bearer(testToken({ sub: 'fuzz', roles: everyone }, ORGANISATIONS)), phases: main, maxExamples: QUICK ? 3 : 10 }];
  if (!QUICK) {
    for (const role of ROLES) {
      const token = testToken({ sub: `fuzz-${role}`, roles: [role], ...(role === 'service-provider' ? { providerId: 'fuzz-provider' } : {}) }, ORGANISATIONS);
      list.push({ name: role, authorization: bearer(token), phases: 'examples', maxExamples: 1 });
    }
  }
  list.push({ name: 'wrong signature', authorization: bearer(wrongKey), phases: 'examples', maxExamples: 1 });
  list.push({ name: 'expired', authorization: bearer(expired), phases: 'examples', maxExamples: 1 });
  list.push({ name: 'no token', authorization: undefined, phases: 'examples', maxExamples: 1 });
  return list;
}

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const decodeXml = (text: string) => text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The figures of one schemathesis run: statuses from its HAR, failures by kind from its JUnit report. */
function figuresOf(dir: string): RunFigures {
  const files = readdirSync(dir);
  const har = JSON.parse(readFileSync(path.join(dir, files.find((f) => f.startsWith('har'))!), 'utf8')) as { log: { entries: Array<{ response: { status: number } }> } };
  const junit = readFileSync(path.join(dir, files.find((f) => f.startsWith('junit'))!), 'utf8');
  const byStatus = new Map<number, number>();
  for (const entry of har.log.entries) byStatus.set(entry.response.status, (byStatus.get(entry.response.status) ?? 0) + 1);
  const figures: RunFigures = { requests: har.log.entries.length, byStatus, serverErrors: 0, schemaViolations: 0, hangs: 0, otherFailures: 0, fuzzerErrors: 0, failures: [], operations: (junit.match(/<testcase /g) ?? []).length };
  // A test case with failures is `<testcase name="…"><failure message="ST101">1. … - ST101 Server error …</failure></testcase>`.
  for (const testcase of junit.matchAll(/<testcase name="([^"]*)"[^>]*[^/]>([\s\S]*?)<\/testcase>/g)) {
    for (const failure of testcase[2].matchAll(/<(failure|error)[^>]*>([\s\S]*?)<\/(?:failure|error)>/g)) {
      const text = decodeXml(failure[2]);
      if (failure[1] === 'error') figures.fuzzerErrors++;
      else if (/server error/i.test(text)) figures.serverErrors++;
      else if (/schema/i.test(text)) figures.schemaViolations++;
      else if (/timed? ?out|timeout/i.test(text)) figures.hangs++;
      else figures.otherFailures++;
      const lines = text.split('\n').filter((line) => line.trim() !== '');
      const curl = lines.find((line) => line.trim().startsWith('curl')) ?? '';
      const reproduce = curl ? ` (\`${curl.trim().replace(/-H 'Authorization: \[Filtered\]' /, '')}\`)` : '';
      figures.failures.push(`${decodeXml(testcase[1])}: ${lines.find((line) => line.startsWith('- ')) ?? lines[0]}${reproduce}`);
    }
  }
  // A response with a 5xx counts even when the check that saw it reported it otherwise.
  figures.serverErrors = Math.max(figures.serverErrors, [...byStatus].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0));
  return figures;
}

async function fuzz(service: string, url: string, caller: Caller): Promise<RunFigures> {
  const dir = path.join(REPORTS, service, caller.name.replace(/\W+/g, '-'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const args = [
    'run',
    `${url}/docs/openapi.json`,
    '--checks',
    'not_a_server_error,response_schema_conformance',
    '--request-timeout',
    String(HANG_SECONDS),
    '--phases',
    caller.phases,
    '--max-examples',
    String(caller.maxExamples),
    '--workers',
    '2',
    '--report',
    'har,junit',
    '--report-dir',
    dir,
    '--suppress-health-check',
    'all',
    '--warnings',
    'off',
    ...(caller.authorization ? ['-H', `Authorization: ${caller.authorization}`] : []),
  ];
  const { code, output } = await run(process.env.SCHEMATHESIS ?? 'schemathesis', args);
  if (!readdirSync(dir).some((f) => f.startsWith('har'))) throw new Error(`schemathesis did not run against ${service} (${caller.name}), exit ${code}:\n${output.slice(-3000)}`);
  return figuresOf(dir);
}

function sum(runs: RunFigures[]): RunFigures {
  const total: RunFigures = { requests: 0, byStatus: new Map(), serverErrors: 0, schemaViolations: 0, hangs: 0, otherFailures: 0, fuzzerErrors: 0, failures: [], operations: 0 };
  for (const r of runs) {
    total.requests += r.requests;
    total.serverErrors += r.serverErrors;
    total.schemaViolations += r.schemaViolations;
    total.hangs += r.hangs;
    total.otherFailures += r.otherFailures;
    total.fuzzerErrors += r.fuzzerErrors;
    total.failures.push(...r.failures);
    total.operations = Math.max(total.operations, r.operations);
    for (const [status, n] of r.byStatus) total.byStatus.set(status, (total.byStatus.get(status) ?? 0) + n);
  }
  return total;
}

function writeSection(report: string): void {
  const begin = '<!-- fuzz:begin -->';
  const end = '<!-- fuzz:end -->';
  const text = readFileSync(RELIABILITY, 'utf8');
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`RELIABILITY.md has no ${begin} … ${end} section`);
  writeFileSync(RELIABILITY, `${text.slice(0, from + begin.length)}\n${report}\n${text.slice(to)}`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const names = [...SERVICE_NAMES, 'workflows'];
  const stack = await startProcessStack({ names });
  const results: Array<{ service: string; total: RunFigures; perCaller: Array<{ caller: string; figures: RunFigures }> }> = [];
  try {
    // One after the other: six processes compiling at once on a small machine outlast the start-up wait.
    for (const name of names) await stack.start(name);
    const load = loadavg()[0];
    for (const service of SERVICE_NAMES) {
      const perCaller: Array<{ caller: string; figures: RunFigures }> = [];
      for (const caller of callers()) {
        const figures = await fuzz(service, stack.url(service), caller);
        perCaller.push({ caller: caller.name, figures });
        console.log(`[fuzz] ${service} as ${caller.name}: ${figures.requests} requests, ${figures.serverErrors} 5xx, ${figures.schemaViolations} schema, ${figures.hangs} hangs, ${figures.otherFailures} other, ${figures.fuzzerErrors} fuzzer errors`);
      }
      results.push({ service, total: sum(perCaller.map((p) => p.figures)), perCaller });
    }
    const all = sum(results.map((r) => r.total));
    const statuses = (figures: RunFigures) => [...figures.byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`).join(', ');
    const lines = [
      `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${QUICK ? '`--quick`' : 'full'}, schemathesis ${process.env.SCHEMATHESIS_VERSION ?? '4.32.5'}, ` +
        `${Math.round((Date.now() - started) / 1000)} s, load average ${load.toFixed(2)} at the start (${process.platform}, Node ${process.version}).`,
      '',
      '| service | operations | requests | 5xx | schema violations | hangs (> 10 s) | other failures | fuzzer errors | statuses |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---|',
      ...results.map(({ service, total }) => `| ${service} | ${total.operations} | ${total.requests} | ${total.serverErrors} | ${total.schemaViolations} | ${total.hangs} | ${total.otherFailures} | ${total.fuzzerErrors} | ${statuses(total)} |`),
      `| **all** | ${results.reduce((n, r) => n + r.total.operations, 0)} | ${all.requests} | ${all.serverErrors} | ${all.schemaViolations} | ${all.hangs} | ${all.otherFailures} | ${all.fuzzerErrors} | ${statuses(all)} |`,
      '',
      `Callers per service: ${callers().map((c) => `${c.name} (${c.phases}${c.phases.includes('fuzzing') ? `, ${c.maxExamples} examples` : ''})`).join('; ')}.`,
      ...(all.failures.length ? ['', 'Failures (a fuzzer error is schemathesis failing on its own, listed but not failing the run):', '', ...all.failures.slice(0, 50).map((f) => `- ${f.replace(/\|/g, '\\|')}`)] : []),
    ];
    // The full pass's figures are the ones RELIABILITY.md shows; the quick pass (`npm test` runs
    // it) leaves them and writes its own next to its reports.
    mkdirSync(REPORTS, { recursive: true });
    if (QUICK) writeFileSync(path.join(REPORTS, 'quick-summary.md'), `${lines.join('\n')}\n`);
    else writeSection(lines.join('\n'));
    console.log(lines.join('\n'));
    if (all.serverErrors + all.schemaViolations + all.hangs + all.otherFailures > 0) process.exitCode = 1;
  } finally {
    await stack.stop();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
