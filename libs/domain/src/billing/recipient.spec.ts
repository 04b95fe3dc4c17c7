import { invoiceAddressOf, invoiceRecipientOf } from './recipient';
import type { PostalAddress } from './types';

const HOME: PostalAddress = { streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo', country: 'FI' };
const GUARDIAN_OFFICE: PostalAddress = { streetAddress: 'Kauppakatu 1', postalCode: '00100', city: 'Helsinki', country: 'FI' };

describe('invoice recipient', () => {
  it('sends the client’s own invoice to the residence address under the client’s name', () => {
    const settings = { recipient: { kind: 'client' as const, name: null, address: null }, residenceAddress: HOME };
    expect(invoiceAddressOf(settings)).toEqual(HOME);
    expect(invoiceRecipientOf(settings, 'Aino Testinen')).toEqual({ kind: 'client', name: 'Aino Testinen', ...HOME });
  });

  it('prefers an address the settings give for the recipient', () => {
    const settings = { recipient: { kind: 'guardian' as const, name: 'Edunvalvoja Oy', address: GUARDIAN_OFFICE }, residenceAddress: HOME };
    expect(invoiceRecipientOf(settings, 'Aino Testinen')).toEqual({ kind: 'guardian', name: 'Edunvalvoja Oy', ...GUARDIAN_OFFICE });
  });

  it('never sends a guardian’s invoice to the client’s home', () => {
    const settings = { recipient: { kind: 'guardian' as const, name: 'Edunvalvoja Oy', address: null }, residenceAddress: HOME };
    expect(invoiceAddressOf(settings)).toBeNull();
    expect(invoiceRecipientOf(settings, 'Aino Testinen')).toBeNull();
  });

  it('has no address for a client whose address a security ban keeps out', () => {
    expect(invoiceRecipientOf({ recipient: { kind: 'client', name: null, address: null }, residenceAddress: null }, 'Aino Testinen')).toBeNull();
  });
});
