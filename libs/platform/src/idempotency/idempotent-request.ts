import { AsyncLocalStorage } from 'node:async_hooks';
import type { IdempotentRequestKey } from './idempotency.queries';

/**
 * The Idempotency-Key of the request being handled, carried through every await of its handler,
 * so that each transaction the handler opens also marks the key as committed (`Database`).
 */
const storage = new AsyncLocalStorage<IdempotentRequestKey>();

export function runWithIdempotencyKey<T>(request: IdempotentRequestKey, work: () => T): T {
  return storage.run(request, work);
}

export function currentIdempotencyKey(): IdempotentRequestKey | undefined {
  return storage.getStore();
}
