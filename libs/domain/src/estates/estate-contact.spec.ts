import { estateContactProblem, estateRecipientName } from './estate-contact';

const contact = { kind: 'shareholder', name: 'Matti Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' };

describe('estate contact (kuolinpesän yhteyshenkilö / dödsbodelägare)', () => {
  it('accepts a shareholder or the estate administrator with a full address', () => {
    expect(estateContactProblem(contact)).toBeUndefined();
    expect(estateContactProblem({ ...contact, kind: 'administrator' })).toBeUndefined();
  });

  it('names what is missing', () => {
    expect(estateContactProblem({ ...contact, kind: 'neighbour' })).toEqual({ field: 'contact.kind', reason: 'is one of shareholder, administrator' });
    expect(estateContactProblem({ ...contact, postalCode: ' ' })).toEqual({ field: 'contact.postalCode', reason: 'is required: invoices are sent to this address' });
  });

  it('names the estate as the recipient in Finnish or Swedish', () => {
    expect(estateRecipientName('fi', 'Aino Testinen', 'Matti Testinen')).toBe('Aino Testinen kuolinpesä c/o Matti Testinen');
    expect(estateRecipientName('sv', 'Karin Exempel', 'Lars Exempel')).toBe('Dödsbo efter Karin Exempel c/o Lars Exempel');
  });
});
