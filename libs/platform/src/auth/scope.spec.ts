import { mayAccess, scopeOf } from './scope';

describe('route scope', () => {
  const county = { organisationId: 'fi-vantaa', debitingArea: 'home-care-east', providerId: null };

  it('lets a user see only the organisations the token names', () => {
    const officer = scopeOf({ sub: 'u', roles: ['client-fee-officer'], organisations: ['fi-vantaa'] });
    expect(mayAccess(officer, county)).toBe(true);
    expect(mayAccess(officer, { ...county, organisationId: 'fi-espoo' })).toBe(false);
  });

  it('refuses everything to a token that names no organisation', () => {
    expect(mayAccess(scopeOf({ sub: 'u', roles: ['finance-centre'], organisations: [] }), county)).toBe(false);
  });

  it('limits a unit manager to their debiting areas', () => {
    const manager = scopeOf({ sub: 'm', roles: ['unit-manager'], organisations: ['fi-vantaa'], debitingAreas: ['home-care-west'] });
    expect(mayAccess(manager, county)).toBe(false);
    expect(mayAccess(manager, { ...county, debitingArea: 'home-care-west' })).toBe(true);
  });

  it('does not limit a unit manager who also holds an organisation-wide role', () => {
    const both = scopeOf({ sub: 'm', roles: ['unit-manager', 'billing-supervisor'], organisations: ['fi-vantaa'], debitingAreas: ['x'] });
    expect(mayAccess(both, county)).toBe(true);
  });

  it('binds a service-provider user to its own provider’s resources', () => {
    const provider = scopeOf({ sub: 'p', roles: ['service-provider'], organisations: ['fi-kouvola'], providerId: 'prov-1' });
    const voucherEvent = { organisationId: 'fi-kouvola', providerId: 'prov-1' };
    expect(mayAccess(provider, voucherEvent)).toBe(true);
    expect(mayAccess(provider, { ...voucherEvent, providerId: 'prov-2' })).toBe(false);
    expect(mayAccess(provider, { ...voucherEvent, providerId: null })).toBe(false);
  });
});
