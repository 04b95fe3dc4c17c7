import { Client, Connection, WorkflowClientInterceptor } from '@temporalio/client';
import type { ServiceConfig } from '../config/service-config';
import { ServiceUnavailableError } from '../http/outages';

/** How long the reachability probe may take; a stopped server refuses at once, so this is ample. */
const PROBE_DEADLINE_MS = 500;
/** How long a probe's answer is trusted, so that a burst of requests costs one probe. */
const PROBE_VALID_MS = 250;

/** The 503's message when the probe found Temporal down, so the call was never made (nor retried). */
export const REFUSED_BEFORE_THE_CALL = 'the workflow engine (Temporal) does not answer; try again shortly';

/**
 * Asks the Temporal server whether it answers before a call is made, and remembers the answer for
 * a second. Without it, a call to a stopped server is retried by the SDK for many seconds (a
 * deferral took 18.5 s to fail); with it, the caller hears "try again shortly" in well under one.
 */
export class TemporalReachability {
  private checkedAt = 0;
  private reachable: Promise<boolean> = Promise.resolve(true);

  constructor(private readonly connection: Connection) {}

  async ensure(): Promise<void> {
    const now = Date.now();
    if (now - this.checkedAt > PROBE_VALID_MS) {
      this.checkedAt = now;
      this.reachable = this.connection
        .withDeadline(now + PROBE_DEADLINE_MS, () => this.connection.workflowService.getSystemInfo({}))
        .then(
          () => true,
          () => false,
        );
    }
    // Its own words, so that a caller (and a test) can tell a refusal before the call from a call that failed on the way.
    if (!(await this.reachable)) throw new ServiceUnavailableError('temporal', REFUSED_BEFORE_THE_CALL);
  }
}

/** Every outbound workflow call first checks that the server answers (see TemporalReachability). */
function outageGuard(reachability: TemporalReachability): WorkflowClientInterceptor {
  const guarded =
    <I, O>(next: (input: I) => Promise<O>) =>
    async (input: I): Promise<O> => {
      await reachability.ensure();
      return next(input);
    };
  return {
    start: (input, next) => guarded(next)(input),
    startWithDetails: (input, next) => guarded(next)(input),
    startUpdate: (input, next) => guarded(next)(input),
    startUpdateWithStart: (input, next) => guarded(next)(input),
    signal: (input, next) => guarded(next)(input),
    signalWithStart: (input, next) => guarded(next)(input),
    query: (input, next) => guarded(next)(input),
    terminate: (input, next) => guarded(next)(input),
    cancel: (input, next) => guarded(next)(input),
    describe: (input, next) => guarded(next)(input),
  };
}

export async function connectTemporalClient(config: ServiceConfig): Promise<Client> {
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, interceptors: { workflow: [outageGuard(new TemporalReachability(connection))] } });
}
