import { Inject, Injectable } from '@nestjs/common';
import type { AgencyApiCaseStatus, AgencyApiRecipient, AgencyApiReminder, AgencyApiReminderFigures } from '@clientfees/contracts';
import { ConfigurationError } from '@clientfees/platform';

/**
 * The collection agency's JSON-over-HTTP API (docs/agency-format.md; the payloads are typed in
 * libs/contracts/src/agency-api.ts), as the creditor sees it. The transport is pluggable so a
 * test or another agency's protocol can replace the HTTP one without touching the activities.
 */

/** The part of the agency's case that the creditor relies on. */
export interface AgencyCaseAnswer {
  caseId: string;
  invoiceId: string;
  status: AgencyApiCaseStatus;
  invoiceDueDate: string;
  reminder: AgencyApiReminderFigures;
  collectionCostsWaived: boolean;
}

export interface AgencyRequest {
  method: 'GET' | 'POST';
  /** Below the API's root, e.g. `/reminders`. */
  path: string;
  body?: unknown;
}

export interface AgencyResponse {
  status: number;
  body: unknown;
}

export interface AgencyTransport {
  send(request: AgencyRequest): Promise<AgencyResponse>;
}

export const AGENCY_TRANSPORT = Symbol('AGENCY_TRANSPORT');

/** The agency refused the request (4xx): sending the same request again cannot succeed. */
export class AgencyRejectedError extends Error {
  override readonly name = 'AgencyRejectedError';
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly field?: string,
  ) {
    super(`the collection agency refused the request (${status})${field ? ` on ${field}` : ''}: ${reason}`);
  }
}

/** The agency could not be reached or failed (network, timeout, 5xx): a later try may succeed. */
export class AgencyUnavailableError extends Error {
  override readonly name = 'AgencyUnavailableError';
}

export interface AgencySettings {
  /** The agency's base URL; the API lives under `/agency/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  apiKey?: string;
  timeoutMs: number;
}

export const DEFAULT_AGENCY_URL = 'http://127.0.0.1:3100';

/** AGENCY_URL, AGENCY_API_KEY, AGENCY_TIMEOUT_MS; a bad value stops the service naming it. */
export function loadAgencySettings(env: Record<string, string | undefined>): AgencySettings {
  const problems: string[] = [];
  const baseUrl = (env.AGENCY_URL || DEFAULT_AGENCY_URL).replace(/\/+$/, '');
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push('AGENCY_URL: must be an http or https URL');
  } catch {
    problems.push(`AGENCY_URL: not a URL`);
  }
  const timeoutMs = Number(env.AGENCY_TIMEOUT_MS || 10000);
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 120000) problems.push('AGENCY_TIMEOUT_MS: must be a whole number of milliseconds from 100 to 120000');
  if (problems.length > 0) throw new ConfigurationError(problems);
  return { baseUrl, ...(env.AGENCY_API_KEY ? { apiKey: env.AGENCY_API_KEY } : {}), timeoutMs };
}

/**
 * Plain HTTP. It does not retry by itself: the activities run under Temporal's retry policy,
 * which already retries with backoff and survives a restart of this process.
 */
export class HttpAgencyTransport implements AgencyTransport {
  constructor(private readonly settings: AgencySettings) {}

  async send(request: AgencyRequest): Promise<AgencyResponse> {
    let response: Response;
    try {
      response = await fetch(`${this.settings.baseUrl}/agency/v1${request.path}`, {
        method: request.method,
        headers: {
          accept: 'application/json',
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(this.settings.apiKey ? { authorization: `Bearer ${this.settings.apiKey}` } : {}),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      throw new AgencyUnavailableError(`the collection agency cannot be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = await response.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: response.status, body };
  }
}

const encode = (caseId: string) => encodeURIComponent(caseId);

/** The agency adapter: speaks the wire format, turns answers into cases and failures into errors. */
@Injectable()
export class AgencyClient {
  constructor(@Inject(AGENCY_TRANSPORT) private readonly transport: AgencyTransport) {}

  /** Idempotent at the agency by invoiceId: a repeat answers the case opened the first time. */
  submitReminder(submission: AgencyApiReminder): Promise<AgencyCaseAnswer> {
    return this.call({ method: 'POST', path: '/reminders', body: submission });
  }

  startCollection(caseId: string, body: { transferDate?: string; recipient?: AgencyApiRecipient }): Promise<AgencyCaseAnswer> {
    return this.call({ method: 'POST', path: `/cases/${encode(caseId)}/collection`, body });
  }

  paymentPlan(caseId: string, body: { instalments: Array<{ dueDate: string; amountCents: number }>; requestedBy?: string }): Promise<AgencyCaseAnswer> {
    return this.call({ method: 'POST', path: `/cases/${encode(caseId)}/payment-plan`, body });
  }

  recall(caseId: string, body: { reason: string; requestedBy?: string }): Promise<AgencyCaseAnswer> {
    return this.call({ method: 'POST', path: `/cases/${encode(caseId)}/recall`, body });
  }

  getCase(caseId: string): Promise<AgencyCaseAnswer> {
    return this.call({ method: 'GET', path: `/cases/${encode(caseId)}` });
  }

  private async call(request: AgencyRequest): Promise<AgencyCaseAnswer> {
    const { status, body } = await this.transport.send(request);
    if (status >= 200 && status < 300) return asCase(body);
    const problem = (typeof body === 'object' && body !== null ? body : {}) as { field?: unknown; reason?: unknown };
    const reason = typeof problem.reason === 'string' ? problem.reason : `HTTP ${status}`;
    // 408 and 429 are the agency asking for patience, not refusing the request.
    if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
      throw new AgencyRejectedError(status, reason, typeof problem.field === 'string' ? problem.field : undefined);
    }
    throw new AgencyUnavailableError(`the collection agency answered ${status}: ${reason}`);
  }
}

function asCase(body: unknown): AgencyCaseAnswer {
  const c = body as Partial<AgencyCaseAnswer> | undefined;
  const ok =
    typeof c === 'object' &&
    c !== null &&
    typeof c.caseId === 'string' &&
    typeof c.invoiceId === 'string' &&
    typeof c.status === 'string' &&
    typeof c.reminder === 'object' &&
    c.reminder !== null &&
    Number.isSafeInteger(c.reminder.interestCents) &&
    Number.isSafeInteger(c.reminder.reminderFeeCents) &&
    Number.isSafeInteger(c.reminder.principalCents);
  // A gateway's HTML error page can come with a 2xx; treated as a transient fault, not a case.
  if (!ok) throw new AgencyUnavailableError('the collection agency answered with something that is not a case');
  return c as AgencyCaseAnswer;
}
