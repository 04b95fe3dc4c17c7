import type { AccessClaims } from '@clientfees/contracts';
import { scopeOf } from '@clientfees/platform';

/**
 * A service-provider user's own provider, or undefined for the municipality's staff (who see every
 * provider): list queries filter by it (ADR 0004). Who may call which route is the role × action
 * matrix's (`provider-settlement-actions.ts`, `@MayDo`).
 */
export function providerFilter(user: AccessClaims): string | undefined {
  return scopeOf(user).providerBound ? user.providerId : undefined;
}
