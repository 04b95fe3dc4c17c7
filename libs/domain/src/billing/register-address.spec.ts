import { AddressVersion, planRegisterAddress, registerAddressEffectiveFrom } from './register-address';

const OLD = { streetAddress: 'Vanhatie 2', postalCode: '02100', city: 'Espoo', country: 'FI' };
const NEW = { streetAddress: 'Uusikatu 1 A 3', postalCode: '02600', city: 'Espoo', country: 'FI' };
const version = (id: string, validFrom: string, validTo: string | null, overrides: Partial<AddressVersion> = {}): AddressVersion => ({
  id,
  validFrom,
  validTo,
  residenceAddress: OLD,
  addressProtected: false,
  ...overrides,
});

describe('an address from the population register in the billing settings', () => {
  it('applies from the first day of the billing period the client moved in, so the invoice of that month goes to the new address', () => {
    expect(registerAddressEffectiveFrom('2026-11-20')).toBe('2026-11-01');
    expect(registerAddressEffectiveFrom('2026-12-01')).toBe('2026-12-01');
    expect(() => registerAddressEffectiveFrom('2026-02-30')).toThrow(/effectiveDate/);
  });

  it('splits the version in force there: the old one ends the day before, a copy with the new address runs to its old end', () => {
    const plan = planRegisterAddress([version('a', '2026-01-15', null)], { effectiveDate: '2026-11-20', address: NEW, protected: false });
    expect(plan).toEqual({
      from: '2026-11-01',
      residenceAddress: NEW,
      addressProtected: false,
      steps: [{ kind: 'split', versionId: 'a', endOn: '2026-10-31', from: '2026-11-01', to: null }],
      unchanged: null,
    });
  });

  it('gives later versions (entered ahead by a person) the address in place, and leaves versions that ended before alone', () => {
    const versions = [version('c', '2027-01-01', null), version('a', '2026-01-01', '2026-06-30'), version('b', '2026-07-01', '2026-12-31')];
    expect(planRegisterAddress(versions, { effectiveDate: '2026-11-03', address: NEW, protected: false }).steps).toEqual([
      { kind: 'split', versionId: 'b', endOn: '2026-10-31', from: '2026-11-01', to: '2026-12-31' },
      { kind: 'replace', versionId: 'c' },
    ]);
    // A version starting on the first day itself takes it in place.
    expect(planRegisterAddress([version('a', '2026-11-01', null)], { effectiveDate: '2026-11-03', address: NEW, protected: false }).steps).toEqual([{ kind: 'replace', versionId: 'a' }]);
  });

  it('changes nothing when the settings already hold the address (a change read twice), and says why', () => {
    const plan = planRegisterAddress([version('a', '2026-01-01', '2026-10-31'), version('b', '2026-11-01', null, { residenceAddress: NEW })], {
      effectiveDate: '2026-11-20',
      address: NEW,
      protected: false,
    });
    expect(plan.steps).toEqual([]);
    expect(plan.unchanged).toBe('the billing settings already hold this address');
    // Another country is another address.
    expect(planRegisterAddress([version('b', '2026-11-01', null, { residenceAddress: { ...NEW, country: 'SE' } })], { effectiveDate: '2026-11-20', address: NEW, protected: false }).steps).toHaveLength(1);
  });

  it('has nothing to change for a client without settings, or whose settings ended before', () => {
    expect(planRegisterAddress([], { effectiveDate: '2026-11-20', address: NEW, protected: false }).unchanged).toMatch(/no billing settings yet/);
    expect(planRegisterAddress([version('a', '2026-01-01', '2026-09-30')], { effectiveDate: '2026-11-20', address: NEW, protected: false })).toMatchObject({
      steps: [],
      unchanged: "the client's billing settings end before 2026-11-01",
    });
  });

  it('a security ban: from its date the versions hold no address and are protected; a repeat changes nothing', () => {
    const ban = { effectiveDate: '2026-12-02', address: null, protected: true };
    const plan = planRegisterAddress([version('a', '2026-01-01', null)], ban);
    expect(plan).toMatchObject({ from: '2026-12-01', residenceAddress: null, addressProtected: true, steps: [{ kind: 'split', versionId: 'a', endOn: '2026-11-30' }] });
    expect(planRegisterAddress([version('a', '2026-01-01', '2026-11-30'), version('b', '2026-12-01', null, { residenceAddress: null, addressProtected: true })], ban).steps).toEqual([]);
    // A visible address while the version is protected lifts the protection with it.
    expect(planRegisterAddress([version('b', '2026-12-01', null, { residenceAddress: null, addressProtected: true })], { effectiveDate: '2027-03-10', address: NEW, protected: false }).steps).toHaveLength(1);
  });

  it('refuses to carry a protected address at all', () => {
    expect(() => planRegisterAddress([version('a', '2026-01-01', null)], { effectiveDate: '2026-12-02', address: NEW, protected: true })).toThrow(/never given/);
  });

  it('a ban that ended with no address lifts the protection where it is in force and leaves other versions alone', () => {
    const ended = { effectiveDate: '2027-02-14', address: null, protected: false };
    const versions = [version('a', '2026-01-01', '2026-11-30'), version('b', '2026-12-01', null, { residenceAddress: null, addressProtected: true })];
    expect(planRegisterAddress(versions, ended)).toMatchObject({
      from: '2027-02-01',
      addressProtected: false,
      residenceAddress: null,
      steps: [{ kind: 'split', versionId: 'b', endOn: '2027-01-31', from: '2027-02-01', to: null }],
    });
    expect(planRegisterAddress([version('a', '2026-01-01', null)], ended).steps).toEqual([]);
  });
});
