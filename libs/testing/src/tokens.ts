import type { Role } from '@clientfees/contracts';
import { mintAccessToken } from '@clientfees/platform';
import { TEST_SIGNING_KEY } from './environment';

/** Who a test calls as: roles, and optionally another organisation, debiting areas, provider or subject. */
export interface TestCaller {
  roles: readonly string[];
  /** The organisations the token names; by default the test's own (`TestOrganisations`). */
  organisations?: readonly string[];
  debitingAreas?: readonly string[];
  providerId?: string;
  sub?: string;
}

/** A token signed with the tests' key; `organisations` defaults to the demo organisation. */
export function testToken(caller: TestCaller, defaultOrganisations: readonly string[] = ['fi-demo']): string {
  return mintAccessToken(
    {
      sub: caller.sub ?? 'test-user',
      roles: [...caller.roles] as Role[],
      organisations: [...(caller.organisations ?? defaultOrganisations)],
      debitingAreas: caller.debitingAreas ? [...caller.debitingAreas] : undefined,
      providerId: caller.providerId,
    },
    TEST_SIGNING_KEY,
  );
}

const ORGANISATION_PUT = /^\/organisations\/([^/?#]+)$/;

/**
 * The organisations a test works with, which its default tokens name: those it started with and
 * every one it creates (`PUT /organisations/{id}`), so a test acts for its own organisations
 * without naming them on every call — and for no other unless it says so.
 */
export class TestOrganisations {
  private readonly ids: Set<string>;

  constructor(initial: readonly string[] = ['fi-demo']) {
    this.ids = new Set(initial);
  }

  add(id: string): void {
    this.ids.add(id);
  }

  list(): string[] {
    return [...this.ids];
  }

  /** The default organisations for a request: a PUT of an organisation adds it first. */
  forRequest(method: string, path: string): string[] {
    const created = method.toUpperCase() === 'PUT' ? ORGANISATION_PUT.exec(path) : null;
    if (created) this.add(decodeURIComponent(created[1]));
    return this.list();
  }
}
