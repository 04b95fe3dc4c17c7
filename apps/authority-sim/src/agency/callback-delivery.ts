/** Where and how the agency reports case statuses back to the creditor. */
export interface CallbackSettings {
  /** The creditor's endpoint (clientfees: the collection service's `POST /agency/reports`). */
  url?: string;
  /** Sent as `Authorization: Bearer <token>`; clientfees expects a token with the collection-agency role. */
  token?: string;
  /** Tries per delivery, the first included. */
  attempts: number;
  /** Wait before the second try; doubled for each further try. */
  backoffMs: number;
  /** Per try. */
  timeoutMs: number;
}

export interface DeliveryAttempt {
  at: string;
  /** The creditor's HTTP status, when it answered. */
  status?: number;
  error?: string;
}

export interface DeliveryOutcome {
  delivered: boolean;
  attempts: DeliveryAttempt[];
}

// Only these mean "try again later"; any other 4xx is the creditor refusing this report, and
// repeating the same bytes would be refused the same way for ever.
const retryable = (status: number): boolean => status >= 500 || status === 408 || status === 429;

/**
 * POSTs one report to the creditor, retrying on network errors and on 5xx/408/429 with doubling
 * waits. Every try sends the same report with the same `reportId`, so a creditor that stored an
 * earlier try which merely lost its answer recognises the repeat and stores nothing twice.
 */
export async function deliverReport(settings: CallbackSettings, report: unknown, sleep = defaultSleep): Promise<DeliveryOutcome> {
  const attempts: DeliveryAttempt[] = [];
  if (!settings.url) {
    attempts.push({ at: new Date().toISOString(), error: 'no callback URL is configured (AGENCY_CALLBACK_URL)' });
    return { delivered: false, attempts };
  }
  for (let attempt = 1; attempt <= settings.attempts; attempt++) {
    if (attempt > 1) await sleep(settings.backoffMs * 2 ** (attempt - 2));
    const at = new Date().toISOString();
    try {
      const response = await fetch(settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
        },
        body: JSON.stringify(report),
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      await response.arrayBuffer();
      attempts.push({ at, status: response.status });
      if (response.ok) return { delivered: true, attempts };
      if (!retryable(response.status)) return { delivered: false, attempts };
    } catch (error) {
      attempts.push({ at, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { delivered: false, attempts };
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
