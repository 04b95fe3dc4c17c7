import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import type { Logger } from 'pino';
import { AgencyEstateStepMessage, AgencyEstateStepOutcome, CollectionDebtMessages, DEFAULT_PORTS } from '@clientfees/contracts';
import { Database, Poller, SERVICE_LOGGER, serviceMessage } from '@clientfees/platform';
import { EstateStepForward, markEstateStepAttemptFailed, markEstateStepForwarded, pendingEstateStepForwards } from './estate-step-forward.queries';

/** How collection reaches debt follow-up: its signed TCP messages (ADR 0013), or a test's stand-in. */
export interface DebtFollowupMessages {
  agencyEstateStep(message: AgencyEstateStepMessage): Promise<AgencyEstateStepOutcome>;
}

export const DEBT_FOLLOWUP_MESSAGES = Symbol('DEBT_FOLLOWUP_MESSAGES');

export interface DebtFollowupTcpSettings {
  host: string;
  port: number;
  timeoutMs: number;
  signingKey: string;
}

/** DEBT_FOLLOWUP_TCP_HOST (127.0.0.1), DEBT_FOLLOWUP_TCP_PORT (4005); a bad value stops the service naming it. */
export function loadDebtFollowupTcpSettings(env: Record<string, string | undefined>): DebtFollowupTcpSettings {
  const host = env.DEBT_FOLLOWUP_TCP_HOST?.trim() || '127.0.0.1';
  const port = Number(env.DEBT_FOLLOWUP_TCP_PORT ?? DEFAULT_PORTS['debt-followup'].tcp);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error('DEBT_FOLLOWUP_TCP_PORT: must be a port number 1-65535');
  return { host, port, timeoutMs: 10000, signingKey: env.AUTH_SIGNING_KEY ?? '' };
}

export class TcpDebtFollowupMessages implements DebtFollowupMessages {
  private client: ClientProxy | undefined;

  constructor(private readonly settings: DebtFollowupTcpSettings) {}

  async agencyEstateStep(message: AgencyEstateStepMessage): Promise<AgencyEstateStepOutcome> {
    this.client ??= ClientProxyFactory.create({ transport: Transport.TCP, options: { host: this.settings.host, port: this.settings.port } });
    const answer = await firstValueFrom(
      this.client.send<{ outcome: AgencyEstateStepOutcome }>(CollectionDebtMessages.agencyEstateStep, serviceMessage(message, 'collection', this.settings.signingKey)).pipe(timeout(this.settings.timeoutMs)),
    );
    return answer.outcome;
  }

  close(): void {
    this.client?.close();
  }
}

/**
 * Tells debt follow-up of the agency's estate steps (ADR 0008's pattern, with a TCP message in
 * place of a signal): the step is written beside its report in one transaction, sent right after
 * the commit, and again at start and every 30 seconds until debt follow-up has answered. Debt
 * follow-up's estate workflow counts a report id once, so a step may safely arrive twice.
 */
@Injectable()
export class EstateStepForwarder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly poller: Poller;

  constructor(
    private readonly db: Database,
    @Inject(DEBT_FOLLOWUP_MESSAGES) private readonly debtFollowup: DebtFollowupMessages,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    this.poller = new Poller({ duty: 'forward estate steps to debt follow-up', intervalMs: 30_000, work: () => this.forward(), logger });
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.poller.stop();
    if (this.debtFollowup instanceof TcpDebtFollowupMessages) this.debtFollowup.close();
  }

  /** Sends the pending steps (or only those of the given reports); answers how many debt follow-up answered. */
  async forward(reportIds?: readonly string[]): Promise<number> {
    const pending = await this.db.read((tx) => pendingEstateStepForwards(tx, 200, reportIds));
    let answered = 0;
    for (const forward of pending) {
      if (await this.forwardOne(forward)) answered += 1;
    }
    return answered;
  }

  private async forwardOne(forward: EstateStepForward): Promise<boolean> {
    const { reportId, organisationId, clientNumber, invoiceId, step, reportedOn } = forward;
    try {
      const outcome = await this.debtFollowup.agencyEstateStep({ organisationId, clientNumber, reportId, invoiceId, step, reportedOn });
      await this.db.transaction((tx) => markEstateStepForwarded(tx, reportId, outcome));
      if (outcome !== 'signalled') this.logger.warn({ reportId, invoiceId, step, outcome }, 'estate step kept in collection only: debt follow-up has no running estate case for it');
      return true;
    } catch (error) {
      const reason = (error as { message?: string }).message ?? String(error);
      await this.db.transaction((tx) => markEstateStepAttemptFailed(tx, reportId, reason));
      this.logger.warn({ reportId, invoiceId, step, reason }, 'estate step not forwarded yet: debt follow-up did not answer; retried later');
      return false;
    }
  }
}
