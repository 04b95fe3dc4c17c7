import { currencyOfCountry, isCurrency, parseCurrency } from './currency';

describe('currency', () => {
  it('knows EUR and SEK', () => {
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('SEK')).toBe(true);
    expect(isCurrency('eur')).toBe(false);
    expect(isCurrency('USD')).toBe(false);
    expect(parseCurrency('SEK')).toBe('SEK');
    expect(() => parseCurrency('NOK')).toThrow('currency: must be one of EUR, SEK');
  });

  it('maps countries to their currency', () => {
    expect(currencyOfCountry('FI')).toBe('EUR');
    expect(currencyOfCountry('SE')).toBe('SEK');
  });
});
