import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A fictional person as the fixture file describes them (authority-persons.json). */
export interface FixtureAddress {
  street: string;
  postalCode: string;
  city: string;
}

export interface FixtureIncome {
  kind: string;
  payer: string;
  paymentDate: string;
  earningPeriod: { start: string; end: string };
  amount: string;
  taxable: boolean;
}

export interface FixturePerson {
  hetu: string;
  firstNames: string;
  lastName: string;
  birthDate: string;
  maritalStatus: 'unmarried' | 'married' | 'widowed' | 'divorced';
  address: FixtureAddress | null;
  homeMunicipality: { code: string; name: string };
  securityBan: boolean;
  death: { date: string } | null;
  guardian: { name: string; address: FixtureAddress } | null;
  householdMembers: string[];
  spouse?: string;
  incomes: FixtureIncome[];
  taxation: Array<{ taxYear: number; earnedIncome: string; capitalIncome: string }>;
}

export interface IncomeKind {
  register: 'earnings' | 'benefits';
  code: number;
  withholdingCode: number | null;
}

/** The stand-ins' data: the persons, how their incomes are reported, their tax cards. */
export interface AuthorityData {
  persons: Map<string, FixturePerson>;
  kinds: Record<string, IncomeKind>;
  withholdingPercent: Record<string, string>;
}

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as T;
}

/** Reads the fixture files; a person whose income kind has no reporting rule is refused at start. */
export function loadAuthorityData(extraPersons: FixturePerson[] = []): AuthorityData {
  const { persons } = readJson<{ persons: FixturePerson[] }>('authority-persons.json');
  const { kinds } = readJson<{ kinds: Record<string, IncomeKind> }>('income-kinds.json');
  const { withholdingPercent } = readJson<{ withholdingPercent: Record<string, string> }>('tax-cards.json');
  const byHetu = new Map<string, FixturePerson>();
  for (const person of [...persons, ...extraPersons]) {
    for (const income of person.incomes) {
      if (!kinds[income.kind]) throw new Error(`fixture income kind "${income.kind}" has no entry in income-kinds.json`);
    }
    byHetu.set(person.hetu, structuredClone(person));
  }
  return { persons: byHetu, kinds, withholdingPercent };
}

/** "Testieläkevakuutus Oy (9999991-2)" → name and business id; Kela is named without one. */
export function payerOf(text: string): { name: string; businessId: string } {
  const match = /^(.*?)\s*\((\d{7}-\d)\)$/.exec(text);
  if (match) return { name: match[1], businessId: match[2] };
  // Kansaneläkelaitos (Kela): its business id is public.
  if (text === 'Kansaneläkelaitos') return { name: text, businessId: '0246246-0' };
  throw new Error(`payer "${text}" names no business id`);
}
