import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { ApplicationFailure } from '@temporalio/common';
import { MALFORMED_ANSWER } from '@clientfees/contracts';
import { AuthorityGate } from './authority-gate';

/**
 * Where and how an authority is reached: its base URL, the client certificate the authority
 * knows this organisation by (X-Road security server or the Incomes Register's TLS certificate),
 * how long to wait, and the gate holding the authority's concurrency limit around every call
 * (ADR 0034). All of it is configuration (authorityEndpointsFromEnv).
 */
export interface AuthorityEndpoint {
  url: string;
  timeoutMs: number;
  clientCertificate?: { cert: Buffer; key: Buffer; ca?: Buffer };
  gate: AuthorityGate;
}

export interface AuthorityAnswer {
  status: number;
  body: string;
}

/** A call that went wrong in a way a retry can fix (outage, timeout, 5xx): thrown as a plain, retryable error. */
export class AuthorityUnavailable extends Error {}

/** An answer the adapter cannot read: not retried; the review shows it to the officer. */
export function malformed(authority: string, what: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`the ${authority} answered something that cannot be read: ${what}`, MALFORMED_ANSWER);
}

/**
 * POSTs or GETs over HTTP(S) with the endpoint's certificate and timeout, once the endpoint's gate
 * has a slot (the slot is held until the answer, an error, the timeout or `signal` ends the call).
 * The identity code travels only in bodies.
 */
export function callAuthority(endpoint: AuthorityEndpoint, path: string, init: CallInit): Promise<AuthorityAnswer> {
  return endpoint.gate.run(() => send(endpoint, path, init), init.signal);
}

export interface CallInit {
  method: 'GET' | 'POST';
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** The activity's cancellation: gives up the place in the gate's queue, or the request in flight. */
  signal?: AbortSignal;
}

function send(endpoint: AuthorityEndpoint, path: string, init: CallInit): Promise<AuthorityAnswer> {
  const url = new URL(path, endpoint.url.endsWith('/') ? endpoint.url : `${endpoint.url}/`);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: init.method,
        headers: { ...(init.body !== undefined ? { 'content-type': init.contentType ?? 'application/json', 'content-length': Buffer.byteLength(init.body) } : {}), ...init.headers },
        ...(endpoint.clientCertificate ?? {}),
        timeout: endpoint.timeoutMs,
        signal: init.signal,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const body = Buffer.concat(chunks).toString('utf8');
          if (status >= 500 && !body.includes('soap:Client')) reject(new AuthorityUnavailable(`${url.host} answered ${status}`));
          else resolve({ status, body });
        });
        response.on('error', (error) => reject(new AuthorityUnavailable(`${url.host}: ${error.message}`)));
      },
    );
    request.on('timeout', () => request.destroy(new AuthorityUnavailable(`${url.host} did not answer within ${endpoint.timeoutMs} ms`)));
    request.on('error', (error) => reject(error instanceof AuthorityUnavailable ? error : new AuthorityUnavailable(`${url.host}: ${error.message}`)));
    if (init.body !== undefined) request.write(init.body);
    request.end();
  });
}

function endpointFromEnv(env: Record<string, string | undefined>, prefix: string, fallbackUrl: string, gate: AuthorityGate): AuthorityEndpoint {
  const url = env[`${prefix}_URL`] || fallbackUrl;
  try {
    new URL(url);
  } catch {
    throw new Error(`${prefix}_URL is not a URL: "${url}"`);
  }
  const timeoutMs = Number(env[`${prefix}_TIMEOUT_MS`] || 20000);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new Error(`${prefix}_TIMEOUT_MS must be a positive whole number`);
  const certFile = env[`${prefix}_CLIENT_CERT`];
  const keyFile = env[`${prefix}_CLIENT_KEY`];
  if (Boolean(certFile) !== Boolean(keyFile)) throw new Error(`${prefix}_CLIENT_CERT and ${prefix}_CLIENT_KEY go together`);
  const caFile = env[`${prefix}_CA`];
  return {
    url,
    timeoutMs,
    clientCertificate: certFile && keyFile ? { cert: readFileSync(certFile), key: readFileSync(keyFile), ca: caFile ? readFileSync(caFile) : undefined } : undefined,
    gate,
  };
}

/** Every authority's endpoint and credentials, from INCOMES_REGISTER_*, POPULATION_REGISTER_*, TAX_ADMINISTRATION_*. */
export interface AuthorityEndpoints {
  incomesRegister: AuthorityEndpoint & { dataUserBusinessId: string; production: boolean };
  populationRegister: AuthorityEndpoint & { username: string; password: string; product: string };
  populationChanges: AuthorityEndpoint;
  taxAdministration: AuthorityEndpoint;
  /** Calls in flight to each authority from this process at most (the per-authority bound, held by the endpoints' gates). */
  concurrency: { incomesRegister: number; populationRegister: number; taxAdministration: number };
  /**
   * Fetch activities an authority's worker runs at once per call it may make
   * (AUTHORITY_ACTIVITIES_PER_CALL, 3): the activities' database work overlaps with the calls.
   */
  activitiesPerCall: number;
}

export function authorityEndpointsFromEnv(env: Record<string, string | undefined>): AuthorityEndpoints {
  const sim = env.AUTHORITY_SIM_URL || 'http://127.0.0.1:3100';
  const concurrency = (name: string, fallback: number) => {
    const n = Number(env[name] || fallback);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number`);
    return n;
  };
  const limits = {
    incomesRegister: concurrency('INCOMES_REGISTER_CONCURRENCY', 8),
    populationRegister: concurrency('POPULATION_REGISTER_CONCURRENCY', 8),
    taxAdministration: concurrency('TAX_ADMINISTRATION_CONCURRENCY', 4),
  };
  const gates = {
    incomesRegister: new AuthorityGate('Incomes Register', limits.incomesRegister),
    // The change feed (mutpa) is the population register's too: one limit for both.
    populationRegister: new AuthorityGate('population register', limits.populationRegister),
    taxAdministration: new AuthorityGate('tax administration', limits.taxAdministration),
  };
  return {
    incomesRegister: {
      ...endpointFromEnv(env, 'INCOMES_REGISTER', `${sim}/incomes-register/20170526/`, gates.incomesRegister),
      dataUserBusinessId: env.INCOMES_REGISTER_DATA_USER_ID || '0245437-2',
      production: env.INCOMES_REGISTER_PRODUCTION === 'true',
    },
    populationRegister: {
      ...endpointFromEnv(env, 'POPULATION_REGISTER', `${sim}/vtj/`, gates.populationRegister),
      username: env.POPULATION_REGISTER_USERNAME || 'clientfees',
      password: env.POPULATION_REGISTER_PASSWORD || '',
      product: env.POPULATION_REGISTER_PRODUCT || 'PERUSSANOMA3',
    },
    populationChanges: endpointFromEnv(env, 'POPULATION_CHANGES', `${sim}/vtj/mutpa/api/v1/`, gates.populationRegister),
    taxAdministration: endpointFromEnv(env, 'TAX_ADMINISTRATION', `${sim}/vero/taxation-data/v1/`, gates.taxAdministration),
    concurrency: limits,
    activitiesPerCall: concurrency('AUTHORITY_ACTIVITIES_PER_CALL', 3),
  };
}
