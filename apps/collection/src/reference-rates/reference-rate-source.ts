import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { Country, DatedRow, ReferenceRateTable, ReferenceRateValue, referenceRatesFromRuleTable } from '@clientfees/domain';
import { InvoicingMessages, RuleTableRow } from '@clientfees/contracts';
import { serviceMessage } from '@clientfees/platform';

/** Where the collection service gets the reference rates a reminder's late interest is computed with. */
export interface ReferenceRateSource {
  ratesFor(country: Country): Promise<ReferenceRateTable>;
}

export const REFERENCE_RATE_SOURCE = Symbol('REFERENCE_RATE_SOURCE');

/** The invoicing service could not be asked: the reminder waits and Temporal retries it. */
export class ReferenceRatesUnavailableError extends Error {
  override readonly name = 'ReferenceRatesUnavailableError';
}

export interface InvoicingTcpSettings {
  host: string;
  port: number;
  timeoutMs: number;
  /** The shared key collection signs its messages with (ADR 0013). */
  signingKey: string;
}

/** INVOICING_TCP_HOST (127.0.0.1), INVOICING_TCP_PORT (4001); a bad value stops the service naming it. */
export function loadInvoicingTcpSettings(env: Record<string, string | undefined>): InvoicingTcpSettings {
  const host = env.INVOICING_TCP_HOST?.trim() || '127.0.0.1';
  const port = Number(env.INVOICING_TCP_PORT ?? '4001');
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error('INVOICING_TCP_PORT: must be a port number 1-65535');
  return { host, port, timeoutMs: 10000, signingKey: env.AUTH_SIGNING_KEY ?? '' };
}

/**
 * The reference rates as the invoicing service's rule tables hold them (rule_period), asked over
 * the TCP message listener on every reminder: an administrator who enters the published rate
 * there releases the reminders waiting for it, with no copy to keep in step.
 */
export class InvoicingReferenceRates implements ReferenceRateSource {
  private client: ClientProxy | undefined;

  constructor(private readonly settings: InvoicingTcpSettings) {}

  async ratesFor(country: Country): Promise<ReferenceRateTable> {
    this.client ??= ClientProxyFactory.create({ transport: Transport.TCP, options: { host: this.settings.host, port: this.settings.port } });
    const name = `${country.toLowerCase()}-reference-rates`;
    let rows: RuleTableRow[];
    try {
      rows = await firstValueFrom(this.client.send<RuleTableRow[]>(InvoicingMessages.getRuleTable, serviceMessage({ name }, 'collection', this.settings.signingKey)).pipe(timeout(this.settings.timeoutMs)));
    } catch (error) {
      throw new ReferenceRatesUnavailableError(`the invoicing service did not answer for ${name} at ${this.settings.host}:${this.settings.port}: ${(error as Error).message ?? error}`);
    }
    return referenceRatesFromRuleTable(rows as DatedRow<ReferenceRateValue>[], name);
  }

  close(): void {
    this.client?.close();
  }
}
