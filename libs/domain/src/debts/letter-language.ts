import type { Country } from '../country';

export type LetterLanguage = 'fi' | 'sv';

/**
 * The language of a letter to the client: the client's own (Finland is bilingual: a
 * Swedish-speaking client is written to in Swedish, Language Act 423/2003), else the
 * organisation's country's: Finnish in Finland, Swedish in Sweden.
 */
export function letterLanguage(clientLanguage: string | null | undefined, country: Country): LetterLanguage {
  if (clientLanguage === 'fi' || clientLanguage === 'sv') return clientLanguage;
  return country === 'SE' ? 'sv' : 'fi';
}
