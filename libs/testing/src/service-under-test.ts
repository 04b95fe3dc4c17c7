import { AddressInfo, createServer } from 'node:net';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { AccessClaims } from '@clientfees/contracts';
import { createServiceApp } from '@clientfees/platform';
import { TestCaller, TestOrganisations, testToken } from './tokens';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RequestOptions extends Partial<Omit<TestCaller, 'roles'>> {
  /** The caller's roles; finance-centre by default. */
  roles?: AccessClaims['roles'];
  body?: unknown;
  /** A token of the test's own making; `null` sends none. */
  token?: string | null;
}

export interface ServiceUnderTest {
  app: INestApplication;
  baseUrl: string;
  /** The organisations the default tokens name: those the test started with and those it created. */
  organisations: TestOrganisations;
  /** Calls the service's HTTP API as a user with the given roles, for the test's organisations unless told otherwise. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON the API answers
  request(method: string, path: string, options?: RequestOptions): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/**
 * Starts a service exactly as `main` does (HTTP, messages, Temporal worker) on free ports. The
 * test's tokens name `organisations` (the demo organisation by default) and every organisation
 * the test creates through `PUT /organisations/{id}`.
 */
export async function startServiceForTest(module: DynamicModule, options: { organisations?: readonly string[] } = {}): Promise<ServiceUnderTest> {
  const organisations = new TestOrganisations(options.organisations);
  const app = await createServiceApp(module);
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    organisations,
    async request(method, path, options = {}) {
      const { roles = ['finance-centre'], body: _body, token: _token, ...caller } = options;
      const token = options.token === undefined ? testToken({ roles, ...caller }, organisations.forRequest(method, path)) : options.token;
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    close: () => app.close(),
  };
}

/** Polls until `probe` returns a value that passes `accept`, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    last = await probe();
  }
  return last;
}
