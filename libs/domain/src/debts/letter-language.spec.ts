import { letterLanguage } from './letter-language';

describe('letter language', () => {
  it('writes in the client’s language, Finnish or Swedish', () => {
    expect(letterLanguage('sv', 'FI')).toBe('sv');
    expect(letterLanguage('fi', 'FI')).toBe('fi');
  });

  it('falls back to the country’s language', () => {
    expect(letterLanguage(undefined, 'FI')).toBe('fi');
    expect(letterLanguage(null, 'SE')).toBe('sv');
    expect(letterLanguage('en', 'SE')).toBe('sv');
  });
});
