import { ChildProcess, execFile, spawn } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { TaskQueues } from '@clientfees/contracts';
import { eventually } from './service-under-test';
import { TestCaller, TestOrganisations, testToken } from './tokens';
import { TEST_SIGNING_KEY } from './environment';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export interface ServiceProcess {
  baseUrl: string;
  output(): string;
  stop(): Promise<number | null>;
  /** Kills the process at once (SIGKILL), as a crash or an OOM kill would. */
  crash(): Promise<void>;
}

/** The entry point `npm start` runs for a process name. */
const entryOf = (name: string) => (name === 'workflows' ? path.join(ROOT, 'workflows', 'src', 'worker', 'main.ts') : path.join(ROOT, 'apps', name, 'src', 'main.ts'));

/** Starts a process (`apps/<name>/src/main.ts`, or the workflow worker) exactly as `npm start` does. */
export function spawnService(name: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ['-r', path.join(ROOT, 'scripts', 'register.js'), entryOf(name)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

/**
 * Starts a process and waits until it is ready: by default until its readiness check answers
 * 200; `ready` replaces that for a process without HTTP (the workflow worker).
 */
export async function startServiceProcess(name: string, env: Record<string, string>, ready?: () => Promise<boolean>): Promise<ServiceProcess> {
  const { child, output } = spawnService(name, env);
  const baseUrl = `http://127.0.0.1:${env.HTTP_PORT}`;
  // Ready when the process itself answers: a health answer naming another service means the port
  // is someone else's, and this process will exit on it.
  const isReady =
    ready ??
    (() =>
      fetch(`${baseUrl}/health`).then(
        async (r) => r.status === 200 && [undefined, name].includes(((await r.json().catch(() => ({}))) as { service?: string }).service),
        () => false,
      ));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${output()}`);
        return isReady();
      },
      (up) => up,
      60000,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    baseUrl,
    output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    async crash() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Waits for a process to end by itself and returns its exit code and output. */
export async function runToExit(name: string, env: Record<string, string>, timeoutMs = 30000): Promise<{ code: number | null; output: string }> {
  const { child, output } = spawnService(name, env);
  const code = await new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  return { code, output: output() };
}

/** Whether a workflow worker polls the workflows task queue of this Temporal server. */
export async function workflowWorkerPolling(temporal: TestWorkflowEnvironment): Promise<boolean> {
  const queue = await temporal.client.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name: TaskQueues.workflows }, taskQueueType: 1 });
  return (queue.pollers ?? []).length > 0;
}

/** Starts the workflow worker process (`npm start`'s) and waits until it polls for workflow tasks. */
export function startWorkflowWorkerProcess(temporal: TestWorkflowEnvironment, env: Record<string, string>): Promise<ServiceProcess> {
  return startServiceProcess('workflows', env, () => workflowWorkerPolling(temporal));
}

/** Who else to call as than the API's default subject and the test's organisations. */
export type CallAs = Partial<Omit<TestCaller, 'roles'>>;

export interface ServiceApi {
  /** The organisations the default tokens name: those given and those the test created. */
  organisations: TestOrganisations;
  /** Calls as a user with the given roles; the body is parsed JSON, or the text (CSV, a BOM). */
  call(method: string, path: string, roles: string[], body?: unknown, as?: CallAs): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever JSON the API answers
  /** As `call`, but a status of 300 or more throws with the answer: for steps that must succeed. */
  ok(method: string, path: string, roles: string[], body?: unknown, as?: CallAs): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- whatever JSON the API answers
}

/**
 * The HTTP API of a service process, called with test tokens that name the test's organisations
 * (`organisations`, the demo organisation by default, and every one it creates with
 * `PUT /organisations/{id}`) unless a call says otherwise.
 */
export function serviceApi(baseUrl: () => string, subject = 'test-user', options: { organisations?: readonly string[] } = {}): ServiceApi {
  const organisations = new TestOrganisations(options.organisations);
  const call: ServiceApi['call'] = async (method, path, roles, body, as = {}) => {
    const token = testToken({ sub: subject, roles, ...as }, organisations.forRequest(method, path));
    const response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text };
  };
  return {
    organisations,
    call,
    async ok(method, path, roles, body, as) {
      const response = await call(method, path, roles, body, as);
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
      return response.body;
    },
  };
}

/**
 * Runs `clientfees demo` with the given options (service URLs, `--only …`) as `npm start` does,
 * signing with the test key; answers what it printed, or rejects with its output when it fails.
 */
export async function loadDemo(options: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['-r', path.join(ROOT, 'scripts', 'register.js'), path.join(ROOT, 'apps', 'cli', 'src', 'main.ts'), 'demo', ...options],
    { cwd: ROOT, env: { PATH: process.env.PATH ?? '', AUTH_SIGNING_KEY: TEST_SIGNING_KEY } },
  );
  return stdout;
}
