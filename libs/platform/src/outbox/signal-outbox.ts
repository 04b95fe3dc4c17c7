import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { SignalDefinition } from '@temporalio/common';
import type { Logger } from 'pino';
import { Database, Tx } from '../database/database';
import { Poller } from '../polling/poller';
import { WorkflowMessages } from '../temporal/workflow-messages';
import { SERVICE_LOGGER } from '../tokens';
import {
  insertOutboxEntry,
  markOutboxAttemptFailed,
  markOutboxDelivered,
  OutboxDelivery,
  OutboxEntry,
  outboxDeliveries,
  OutboxOutcome,
  pendingOutboxEntries,
} from './outbox.queries';

export const SIGNAL_OUTBOX_OPTIONS = Symbol('SIGNAL_OUTBOX_OPTIONS');

export interface SignalOutboxOptions {
  /** The signals this service sends through its outbox; an entry naming another stays pending. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of signals of any argument types
  signals: ReadonlyArray<SignalDefinition<any[]>>;
  /**
   * A workflow that is not found has either ended (the signal is settled: nothing will ever
   * receive it) or not been started yet (the signal waits for it). Only the service knows which;
   * without this, "not found" means ended.
   */
  hasEnded?: (tx: Tx, workflowId: string) => Promise<boolean>;
  /** How often pending signals are retried; 30 s by default. */
  intervalMs?: number;
}

/** One signal to send: it names its workflow, and a key that makes a second enqueue of it a no-op. */
export interface OutboxMessage<Args extends unknown[]> {
  key: string;
  workflowId: string;
  signal: SignalDefinition<Args>;
  args: Args;
}

/**
 * Signals that must arrive (ADR 0008). The fact and its signal are written in one transaction
 * (`enqueue`); the signal is sent right after the commit (`deliverSoon`) and, if Temporal was
 * away or the service died in between, again at start and every 30 seconds until it is
 * delivered or its workflow has ended. A signal may so arrive twice: every signal sent this way
 * must be idempotent in its workflow (payment ids, report ids, decision ids count once).
 */
@Injectable()
export class SignalOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- keyed by name, any argument types
  private readonly signals: ReadonlyMap<string, SignalDefinition<any[]>>;
  private readonly poller: Poller;

  /** The service's outbox, for its root module's imports: every feature module may enqueue. */
  static register(options: SignalOutboxOptions): DynamicModule {
    return { module: SignalOutboxModule, providers: [{ provide: SIGNAL_OUTBOX_OPTIONS, useValue: options }, SignalOutbox], exports: [SignalOutbox] };
  }

  constructor(
    private readonly db: Database,
    private readonly workflows: WorkflowMessages,
    @Inject(SIGNAL_OUTBOX_OPTIONS) private readonly options: SignalOutboxOptions,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {
    this.signals = new Map(options.signals.map((signal) => [signal.name, signal]));
    this.poller = new Poller({ duty: 'deliver outboxed signals', intervalMs: options.intervalMs ?? 30_000, work: () => this.deliverPending(), logger });
  }

  onApplicationBootstrap(): void {
    this.poller.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.poller.stop();
  }

  /** Writes the signal in the caller's transaction. Answers false when its key was there already. */
  enqueue<Args extends unknown[]>(tx: Tx, message: OutboxMessage<Args>): Promise<boolean> {
    if (!this.signals.has(message.signal.name)) throw new Error(`signal ${message.signal.name} is not registered with this service's outbox`);
    return insertOutboxEntry(tx, { key: message.key, workflowId: message.workflowId, signal: message.signal.name, args: message.args });
  }

  /**
   * Delivers the given signals now, waiting at most `waitMs` so that a slow Temporal does not
   * hold an HTTP request; what is not done by then finishes in the background or by the poller.
   */
  async deliverSoon(keys: readonly string[], waitMs = 5_000): Promise<void> {
    if (keys.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, waitMs);
    });
    await Promise.race([this.deliver(keys), waited]);
    clearTimeout(timer);
  }

  /** Delivers the pending signals, oldest first; answers how many were settled. */
  deliverPending(limit = 500): Promise<number> {
    return this.deliver(undefined, limit);
  }

  /** Where the signals with these keys stand, for views that show delivery. */
  deliveries(tx: Tx, keys: readonly string[]): Promise<Map<string, OutboxDelivery>> {
    return outboxDeliveries(tx, keys);
  }

  private async deliver(keys: readonly string[] | undefined, limit = 500): Promise<number> {
    const entries = await this.db.read((tx) => pendingOutboxEntries(tx, limit, keys));
    let settled = 0;
    // One at a time, in order: two signals to one workflow arrive as they were written.
    for (const entry of entries) if (await this.deliverOne(entry)) settled += 1;
    return settled;
  }

  /** Never throws: an entry that could not be delivered stays pending for the poller. */
  private async deliverOne(entry: OutboxEntry): Promise<boolean> {
    try {
      const signal = this.signals.get(entry.signal);
      if (!signal) throw new Error(`signal ${entry.signal} is not registered with this service's outbox`);
      const sent = await this.workflows.signal(entry.workflowId, signal, ...entry.args);
      const outcome: OutboxOutcome | undefined = sent === 'signalled' ? 'signalled' : await this.endedOrWaiting(entry.workflowId);
      if (!outcome) {
        await this.db.transaction((tx) => markOutboxAttemptFailed(tx, entry.id, 'the workflow has not started yet; waiting for it'));
        return false;
      }
      const note = outcome === 'workflow-ended' ? 'the workflow had already ended; the fact stands without its signal' : null;
      await this.db.transaction((tx) => markOutboxDelivered(tx, entry.id, outcome, note));
      if (outcome === 'workflow-ended') this.logger.info({ key: entry.key, workflowId: entry.workflowId }, 'outboxed signal for a workflow that has ended');
      return true;
    } catch (error) {
      this.logger.warn({ err: error, key: entry.key }, 'outboxed signal not delivered yet; it will be retried');
      await this.db.transaction((tx) => markOutboxAttemptFailed(tx, entry.id, `last attempt failed: ${(error as Error).message ?? String(error)}`)).catch(() => undefined);
      return false;
    }
  }

  private async endedOrWaiting(workflowId: string): Promise<OutboxOutcome | undefined> {
    const { hasEnded } = this.options;
    if (!hasEnded) return 'workflow-ended';
    return (await this.db.read((tx) => hasEnded(tx, workflowId))) ? 'workflow-ended' : undefined;
  }
}

/** Holds a service's one SignalOutbox (`SignalOutbox.register`), global so that every feature module sees it. */
@Global()
@Module({})
export class SignalOutboxModule {}
