import { invoiceAddressOf, invoiceRecipientOf, PROTECTED_ADDRESS_MARKER, shownRecipient, shownSettings } from './recipient';
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

  describe('a security ban in force masks the client’s address wherever it is shown', () => {
    const sent = { kind: 'client' as const, name: 'Aino Testinen', ...HOME };

    it('shows an invoice sent to the client before the ban with the marker instead of street, postcode and city', () => {
      const shown = shownRecipient(sent, true);
      expect(shown).toEqual({ kind: 'client', name: 'Aino Testinen', streetAddress: PROTECTED_ADDRESS_MARKER, postalCode: '', city: '', country: 'FI', addressProtected: true });
      expect(JSON.stringify(shown)).not.toMatch(/Koivukuja|02100|Espoo/);
      // The stored recipient is not touched: it is the record of what was sent.
      expect(sent.streetAddress).toBe('Koivukuja 3 A 5');
    });

    it('shows the address as sent when no ban is in force (none yet, or lifted)', () => {
      expect(shownRecipient(sent, false)).toEqual({ ...sent, addressProtected: false });
    });

    it('leaves a guardian’s own address: the ban protects the client’s', () => {
      const guardian = { kind: 'guardian' as const, name: 'Edunvalvoja Oy', ...GUARDIAN_OFFICE };
      expect(shownRecipient(guardian, true)).toEqual({ ...guardian, addressProtected: false });
    });

    it('shows no version of the settings with the residence address or an address given for the client', () => {
      const own = { recipient: { kind: 'client' as const, name: null, address: HOME }, residenceAddress: HOME, addressProtected: false, accountString: '4100' };
      expect(shownSettings(own, true)).toEqual({ recipient: { kind: 'client', name: null, address: null }, residenceAddress: null, addressProtected: true, accountString: '4100' });
      const guardian = { recipient: { kind: 'guardian' as const, name: 'Edunvalvoja Oy', address: GUARDIAN_OFFICE }, residenceAddress: HOME, addressProtected: false };
      expect(shownSettings(guardian, true)).toEqual({ recipient: guardian.recipient, residenceAddress: null, addressProtected: true });
      expect(shownSettings(own, false)).toBe(own);
    });
  });
});
