import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who is acting in the current request, carried through every await of its handler. The
 * database session takes the actor and the request id from here at the start of each
 * transaction, so the history triggers record who overwrote a value without any handler
 * passing it on (ADR 0012).
 */
export interface RequestContext {
  readonly requestId: string;
  /** The token's subject: a user or system id, never a personal identity code. */
  readonly actor: string;
  readonly roles: readonly string[];
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequest<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
