import { COUNTRIES, isCountry, parseCountry } from './country';

describe('country', () => {
  it('knows Finland and Sweden only', () => {
    expect(COUNTRIES).toEqual(['FI', 'SE']);
    expect(isCountry('FI')).toBe(true);
    expect(isCountry('SE')).toBe(true);
    expect(isCountry('fi')).toBe(false);
    expect(isCountry('NO')).toBe(false);
    expect(isCountry(undefined)).toBe(false);
    expect(parseCountry('SE')).toBe('SE');
    expect(() => parseCountry('DK')).toThrow('country: must be one of FI, SE');
    expect(() => parseCountry('DK', 'organisation.country')).toThrow('organisation.country: must be one of FI, SE');
  });
});
