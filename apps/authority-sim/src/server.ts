import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { HttpProblem, readJson, sendJson, sendProblem } from './http-json';
import { AgencySimulator } from './agency/agency-simulator';
import { parseCollectionStart, parseRecallRequest,
  parsePaymentPlanRequest, parseReminderSubmission, parseReportCommand } from './agency/agency-payloads';
import type { CallbackSettings } from './agency/callback-delivery';

/**
 * Local stand-ins for the authorities and the collection agency. Today: the collection agency
 * (docs/agency-format.md). The Incomes Register, Vero and VTJ arrive with their adapters.
 */
export interface AuthoritySimOptions {
  agency: {
    callback: CallbackSettings;
    /** When set, `/agency/v1` requires `Authorization: Bearer <apiKey>`, as a real agency would. */
    apiKey?: string;
  };
  /** One structured line per request; silent when left out. */
  log?: (entry: Record<string, unknown>) => void;
}

export interface AuthoritySim {
  server: Server;
  agency: AgencySimulator;
  /** Resolves with the port actually bound (pass 0 for a free one). */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

const positiveInt = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, not "${value}"`);
  return n;
};

/** Reads AGENCY_CALLBACK_URL, AGENCY_CALLBACK_TOKEN, AGENCY_CALLBACK_ATTEMPTS, AGENCY_CALLBACK_BACKOFF_MS, AGENCY_CALLBACK_TIMEOUT_MS, AGENCY_API_KEY. */
export function authoritySimOptionsFromEnv(env: Record<string, string | undefined>): AuthoritySimOptions {
  const url = env.AGENCY_CALLBACK_URL || undefined;
  if (url !== undefined) {
    try {
      new URL(url);
    } catch {
      throw new Error(`AGENCY_CALLBACK_URL is not a URL: "${url}"`);
    }
  }
  return {
    agency: {
      callback: {
        url,
        token: env.AGENCY_CALLBACK_TOKEN || undefined,
        attempts: positiveInt('AGENCY_CALLBACK_ATTEMPTS', env.AGENCY_CALLBACK_ATTEMPTS, 5),
        backoffMs: positiveInt('AGENCY_CALLBACK_BACKOFF_MS', env.AGENCY_CALLBACK_BACKOFF_MS, 250),
        timeoutMs: positiveInt('AGENCY_CALLBACK_TIMEOUT_MS', env.AGENCY_CALLBACK_TIMEOUT_MS, 5000),
      },
      apiKey: env.AGENCY_API_KEY || undefined,
    },
  };
}

type Handler = (request: IncomingMessage, params: string[], query: URLSearchParams) => Promise<{ status: number; body: unknown; headers?: Record<string, string> }>;

interface Route {
  method: string;
  pattern: RegExp;
  /** Stable name for the log line: never the URL itself, which carries case and invoice ids. */
  name: string;
  agencyApi: boolean;
  handle: Handler;
}

const segment = '([^/]+)';

export function createAuthoritySim(options: AuthoritySimOptions): AuthoritySim {
  const agency = new AgencySimulator({ ...options.agency.callback });
  const apiKey = options.agency.apiKey;
  const log = options.log ?? (() => undefined);

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/health$/,
      name: 'GET /health',
      agencyApi: false,
      handle: async () => ({ status: 200, body: { status: 'up', service: 'authority-sim', simulators: ['agency'] } }),
    },
    {
      method: 'POST',
      pattern: /^\/agency\/v1\/reminders$/,
      name: 'POST /agency/v1/reminders',
      agencyApi: true,
      handle: async (request) => {
        const { case: agencyCase, created } = agency.submitReminder(parseReminderSubmission(await readJson(request)));
        // 201 for a new case, 200 for a repeat: both carry the same case, so a caller that only
        // looks at the body needs no special path for its own retries.
        return { status: created ? 201 : 200, body: agencyCase, headers: created ? {} : { 'idempotent-replayed': 'true' } };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/agency/v1/cases/${segment}$`),
      name: 'GET /agency/v1/cases/{caseId}',
      agencyApi: true,
      handle: async (_request, [caseId]) => ({ status: 200, body: agency.get(caseId) }),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/agency/v1/cases/${segment}/collection$`),
      name: 'POST /agency/v1/cases/{caseId}/collection',
      agencyApi: true,
      handle: async (request, [caseId]) => ({ status: 200, body: agency.startCollection(caseId, parseCollectionStart(await readJson(request))) }),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/agency/v1/cases/${segment}/recall$`),
      name: 'POST /agency/v1/cases/{caseId}/recall',
      agencyApi: true,
      handle: async (request, [caseId]) => ({ status: 200, body: agency.recall(caseId, parseRecallRequest(await readJson(request))) }),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/agency/v1/cases/${segment}/payment-plan$`),
      name: 'POST /agency/v1/cases/{caseId}/payment-plan',
      agencyApi: true,
      handle: async (request, [caseId]) => ({ status: 200, body: agency.paymentPlan(caseId, parsePaymentPlanRequest(await readJson(request))) }),
    },
    {
      method: 'GET',
      pattern: /^\/sim\/cases$/,
      name: 'GET /sim/cases',
      agencyApi: false,
      handle: async (_request, _params, query) => ({ status: 200, body: { cases: agency.list({ invoiceId: query.get('invoiceId') ?? undefined }) } }),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/sim/cases/${segment}/report$`),
      name: 'POST /sim/cases/{caseId}/report',
      agencyApi: false,
      handle: async (request, [caseId]) => {
        const { record, delivered } = await agency.report(caseId, parseReportCommand(await readJson(request)));
        // 502 says the creditor did not take the report; the case has changed all the same,
        // and POST /sim/reports/{reportId}/deliver sends the very same report again.
        return { status: delivered ? 200 : 502, body: record };
      },
    },
    {
      method: 'GET',
      pattern: /^\/sim\/reports$/,
      name: 'GET /sim/reports',
      agencyApi: false,
      handle: async (_request, _params, query) => ({ status: 200, body: { reports: agency.listReports({ caseId: query.get('caseId') ?? undefined }) } }),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/sim/reports/${segment}/deliver$`),
      name: 'POST /sim/reports/{reportId}/deliver',
      agencyApi: false,
      handle: async (_request, [reportId]) => {
        const { record, delivered } = await agency.deliver(reportId);
        return { status: delivered ? 200 : 502, body: record };
      },
    },
  ];

  const authorised = (request: IncomingMessage): boolean => {
    if (!apiKey) return true;
    const presented = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const a = Buffer.from(presented);
    const b = Buffer.from(apiKey);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<string> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const matching = routes.filter((r) => r.pattern.test(path));
    const route = matching.find((r) => r.method === request.method);
    if (!route) {
      if (matching.length > 0) {
        sendJson(response, 405, { error: 'method-not-allowed', reason: `use ${matching.map((r) => r.method).join(' or ')}` }, { allow: matching.map((r) => r.method).join(', ') });
        return 'method not allowed';
      }
      sendJson(response, 404, { error: 'not-found', reason: 'no such simulator endpoint' });
      return 'unknown route';
    }
    if (route.agencyApi && !authorised(request)) {
      sendJson(response, 401, { error: 'unauthorized', reason: 'a valid API key is required: Authorization: Bearer <key>' }, { 'www-authenticate': 'Bearer' });
      return route.name;
    }
    const params = route.pattern.exec(path)!.slice(1).map((p) => decodeURIComponent(p));
    try {
      const result = await route.handle(request, params, url.searchParams);
      sendJson(response, result.status, result.body, result.headers);
    } catch (error) {
      if (error instanceof HttpProblem) sendProblem(response, error);
      else {
        log({ level: 'error', msg: 'unhandled error', route: route.name, err: error instanceof Error ? error.message : String(error) });
        sendJson(response, 500, { error: 'internal', reason: 'internal error' });
      }
    }
    return route.name;
  };

  const server = createServer((request, response) => {
    const started = Date.now();
    handle(request, response)
      .then((route) => log({ level: 'info', msg: 'request', route, status: response.statusCode, ms: Date.now() - started }))
      .catch((error: unknown) => {
        log({ level: 'error', msg: 'request failed', err: error instanceof Error ? error.message : String(error) });
        if (!response.headersSent) sendJson(response, 500, { error: 'internal', reason: 'internal error' });
      });
  });

  return {
    server,
    agency,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
