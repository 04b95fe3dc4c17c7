import { noReferenceReason, referenceInMessage } from './message-reference';

describe('referenceInMessage', () => {
  it.each([
    [['9597349'], '9597349'],
    [['10000 00012'], '1000000012'],
    [['viite 10000 00025'], '1000000025'],
    [['Viitenumero: 1000000038'], '1000000038'],
    [['OCR 10000000116'], '10000000116'],
    [['rf23 1000 0000 12'], 'RF231000000012'],
    [['RF23', '1000000012'], 'RF231000000012'],
  ])('reads %j as the reference %s', (lines, reference) => {
    expect(referenceInMessage(lines)).toBe(reference);
  });

  it.each([[['RFB/557742358']], [['Invoices 123 and 321']], [['Rechnung 1001']], [['123']], [[]], [['Kontouebertrag']]])('finds no reference in %j', (lines) => {
    expect(referenceInMessage(lines)).toBeNull();
  });
});

describe('noReferenceReason', () => {
  it('quotes the message instead of calling it a bad reference', () => {
    expect(noReferenceReason(['RFB/557742358'])).toBe('the payment carries no reference; its message reads "RFB/557742358"');
    expect(noReferenceReason([])).toBe('the payment carries no reference');
  });

  it('does not repeat an identity code the payer typed', () => {
    expect(noReferenceReason(['maksu Matti 131052-308T'])).not.toContain('131052-308T');
  });
});
