import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { badRequest, HttpProblem, readJson, readText, sendJson, sendProblem, sendText } from './http-json';
import { Authority, AUTHORITIES, Fault, FaultSettings, Faults, faultSettingsFromEnv } from './authorities/faults';
import { AuthorityData, loadAuthorityData } from './authorities/persons';
import { incomesRegisterAnswer, parseIncomesRegisterQuery } from './authorities/incomes-register';
import { parsePersonQuery, personAnswer, PopulationChanges } from './authorities/population-register';
import { taxationAnswer } from './authorities/tax-administration';
import { soapBodyOf, soapEnvelope, soapFault } from './authorities/xml';
import { AgencySimulator } from './agency/agency-simulator';
import { parseCollectionStart, parseRecallRequest,
  parsePaymentPlanRequest, parseReminderSubmission, parseReportCommand } from './agency/agency-payloads';
import type { CallbackSettings } from './agency/callback-delivery';

/**
 * Local stand-ins for the authorities and the collection agency: the collection agency
 * (docs/agency-format.md), the Incomes Register, the population register (VTJ) and the tax
 * administration (Vero) (docs/income-verification.md), answering from the fixture persons.
 */
export interface AuthoritySimOptions {
  agency: {
    callback: CallbackSettings;
    /** When set, `/agency/v1` requires `Authorization: Bearer <apiKey>`, as a real agency would. */
    apiKey?: string;
  };
  authorities?: {
    /** Latency and faults per authority at start (SIM_<AUTHORITY>_…); changed at run time by PUT /sim/faults/{authority}. */
    faults?: Partial<Record<Authority, Partial<FaultSettings>>>;
    /** The SoSo user name and password the VTJ stand-in requires, when set. */
    vtjCredentials?: { username: string; password: string };
    /** The stand-ins' data; the fixture files by default. */
    data?: AuthorityData;
  };
  /** One structured line per request; silent when left out. */
  log?: (entry: Record<string, unknown>) => void;
}

export interface AuthoritySim {
  server: Server;
  agency: AgencySimulator;
  faults: Faults;
  data: AuthorityData;
  changes: PopulationChanges;
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
    authorities: {
      faults: faultSettingsFromEnv(env),
      vtjCredentials: env.SIM_VTJ_USERNAME ? { username: env.SIM_VTJ_USERNAME, password: env.SIM_VTJ_PASSWORD ?? '' } : undefined,
    },
  };
}

interface Answer {
  status: number;
  body?: unknown;
  /** A raw answer (XML) instead of JSON. */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

type Handler = (request: IncomingMessage, params: string[], query: URLSearchParams) => Promise<Answer>;

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
  const faults = new Faults(options.authorities?.faults);
  const data = options.authorities?.data ?? loadAuthorityData();
  const changes = new PopulationChanges(data);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** Latency, then the fault drawn for this call about `subject`, around the authority's answer. */
  const asAuthority = async (authority: Authority, subject: string | undefined, kind: 'soap' | 'json', answer: () => Answer): Promise<Answer> =>
    faults.track(authority, async () => {
      const settings = faults.get(authority);
      const fault: Fault = faults.draw(authority, subject);
      if (settings.latencyMs > 0) await sleep(settings.latencyMs);
      if (fault === 'timeout') {
        await sleep(settings.hangMs);
        return { status: 504, body: { error: 'gateway-timeout', reason: 'the simulated authority did not answer in time' } };
      }
      if (fault === 'fail') {
        return kind === 'soap'
          ? { status: 503, text: soapFault('soap:Server', 'Palvelu ei ole käytettävissä / the service is unavailable (simulated)'), contentType: 'text/xml; charset=utf-8' }
          : { status: 503, body: { error: 'unavailable', reason: 'the service is unavailable (simulated)' } };
      }
      const real = answer();
      if (fault === 'malformed') {
        // A truncated body with a success status: what a proxy cutting a connection short delivers.
        const whole = real.text ?? JSON.stringify(real.body);
        return { status: 200, text: whole.slice(0, Math.max(1, Math.floor(whole.length / 2))), contentType: real.contentType ?? 'application/json; charset=utf-8' };
      }
      return real;
    });

  const soap = async (request: IncomingMessage) => {
    const body = soapBodyOf(await readText(request));
    if (!body) throw badRequest('Envelope', 'is not a SOAP 1.1 envelope with a body');
    return body;
  };
  const xml = (status: number, body: string): Answer => ({ status, text: soapEnvelope(body), contentType: 'text/xml; charset=utf-8' });
  const authorityOf = (name: string): Authority => {
    if (!(AUTHORITIES as readonly string[]).includes(name)) throw badRequest('authority', `must be one of ${AUTHORITIES.join(', ')}`);
    return name as Authority;
  };

  const routes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/health$/,
      name: 'GET /health',
      agencyApi: false,
      handle: async () => ({ status: 200, body: { status: 'up', service: 'authority-sim', simulators: ['agency', ...AUTHORITIES] } }),
    },
    ...(['WageReportQueryService', 'BenefitReportQueryService'] as const).map(
      (service): Route => ({
        method: 'POST',
        pattern: new RegExp(`^/incomes-register/20170526/${service}\\.svc$`),
        name: `POST /incomes-register/20170526/${service}.svc`,
        agencyApi: false,
        handle: async (request) => {
          const { name, content } = await soap(request);
          const query = parseIncomesRegisterQuery(name, content);
          if ((query.delivery === 'earnings') !== (service === 'WageReportQueryService')) throw badRequest('Body', `${name} is not an operation of ${service}`);
          return asAuthority('incomes-register', query.identityCode, 'soap', () => xml(200, incomesRegisterAnswer(data, query, new Date())));
        },
      }),
    ),
    {
      method: 'POST',
      pattern: /^\/vtj\/HenkilonTunnusKysely\/v1$/,
      name: 'POST /vtj/HenkilonTunnusKysely/v1',
      agencyApi: false,
      handle: async (request) => {
        const { name, content } = await soap(request);
        const query = parsePersonQuery(name, content, options.authorities?.vtjCredentials);
        return asAuthority('population-register', query.identityCode, 'soap', () => xml(200, personAnswer(data, query)));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/vtj/mutpa/api/v1/kirjausavain/${segment}$`),
      name: 'GET /vtj/mutpa/api/v1/kirjausavain/{date}',
      agencyApi: false,
      handle: async (_request, [date]) => asAuthority('population-register', undefined, 'json', () => ({ status: 200, body: { viimeisinKirjausavain: changes.keyForDate(date) } })),
    },
    {
      method: 'POST',
      pattern: /^\/vtj\/mutpa\/api\/v1\/muutokset$/,
      name: 'POST /vtj/mutpa/api/v1/muutokset',
      agencyApi: false,
      handle: async (request) => {
        const body = ((await readJson(request)) ?? {}) as { viimeisinKirjausavain?: unknown; hetulista?: unknown };
        const answer = changes.changesAfter(body.viimeisinKirjausavain, body.hetulista);
        return asAuthority('population-register', undefined, 'json', () => ({ status: 200, body: answer }));
      },
    },
    {
      method: 'POST',
      pattern: /^\/vero\/taxation-data\/v1\/queries$/,
      name: 'POST /vero/taxation-data/v1/queries',
      agencyApi: false,
      handle: async (request) => {
        const body = await readJson(request);
        const answer = taxationAnswer(data, body);
        return asAuthority('tax-administration', (body as { identityCode?: string }).identityCode, 'json', () => ({ status: 200, body: answer }));
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/sim/faults/${segment}$`),
      name: 'GET /sim/faults/{authority}',
      agencyApi: false,
      handle: async (_request, [authority]) => ({ status: 200, body: faults.get(authorityOf(authority)) }),
    },
    {
      method: 'PUT',
      pattern: new RegExp(`^/sim/faults/${segment}$`),
      name: 'PUT /sim/faults/{authority}',
      agencyApi: false,
      handle: async (request, [authority]) => ({ status: 200, body: faults.set(authorityOf(authority), await readJson(request)) }),
    },
    {
      method: 'POST',
      pattern: /^\/sim\/faults\/reset$/,
      name: 'POST /sim/faults/reset',
      agencyApi: false,
      handle: async () => {
        faults.reset();
        return { status: 200, body: faults.statistics() };
      },
    },
    {
      method: 'GET',
      pattern: /^\/sim\/stats$/,
      name: 'GET /sim/stats',
      agencyApi: false,
      handle: async () => ({ status: 200, body: faults.statistics() }),
    },
    {
      method: 'POST',
      pattern: /^\/sim\/population-register\/changes$/,
      name: 'POST /sim/population-register/changes',
      agencyApi: false,
      handle: async (request) => ({ status: 201, body: changes.record(await readJson(request), new Date()) }),
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
      if (result.text !== undefined) sendText(response, result.status, result.contentType ?? 'text/plain; charset=utf-8', result.text, result.headers);
      else sendJson(response, result.status, result.body, result.headers);
    } catch (error) {
      if (error instanceof HttpProblem && route.name.includes('.svc') || error instanceof HttpProblem && route.name.includes('HenkilonTunnusKysely')) {
        sendText(response, (error as HttpProblem).status === 404 ? 404 : 500, 'text/xml; charset=utf-8', soapFault('soap:Client', (error as HttpProblem).message));
      } else if (error instanceof HttpProblem) sendProblem(response, error);
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
    faults,
    data,
    changes,
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
