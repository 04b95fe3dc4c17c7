import type { Country } from '../country';
import { DomainValidationError } from '../errors';

/**
 * A municipality by its official code: in Finland the three-digit municipality number
 * (kuntanumero, Statistics Finland's classification, e.g. 049 Espoo), in Sweden the four-digit
 * municipality code (kommunkod, SCB, e.g. 0580 Linköping). The population register names the
 * client's home municipality (kotikunta / folkbokföringskommun) by this code.
 */
export type MunicipalityCode = string;

const CODE_FORMAT: Record<Country, { pattern: RegExp; says: string }> = {
  FI: { pattern: /^\d{3}$/, says: 'a Finnish municipality number has three digits (kuntanumero, e.g. 049)' },
  SE: { pattern: /^\d{4}$/, says: 'a Swedish municipality code has four digits (kommunkod, e.g. 0580)' },
};

/** The code if it is one of the country's form; DomainValidationError naming `field` otherwise. */
export function parseMunicipalityCode(country: Country, value: unknown, field: string): MunicipalityCode {
  const format = CODE_FORMAT[country];
  if (typeof value !== 'string' || !format.pattern.test(value)) throw new DomainValidationError(`is not a municipality code: ${format.says}`, field);
  return value;
}

/**
 * The municipalities an organisation serves: a wellbeing services county (hyvinvointialue) its
 * member municipalities, a Swedish municipality (kommun) itself. Each code of the country's form,
 * none twice; sorted. An empty list says the area is not known.
 */
export function parseMunicipalityCodes(country: Country, values: readonly unknown[], field: string): MunicipalityCode[] {
  const codes = values.map((value, i) => parseMunicipalityCode(country, value, `${field}[${i}]`));
  const twice = codes.findIndex((code, i) => codes.indexOf(code) !== i);
  if (twice >= 0) throw new DomainValidationError(`municipality ${codes[twice]} is named twice`, `${field}[${twice}]`);
  return [...codes].sort();
}
