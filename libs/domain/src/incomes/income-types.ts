import { DomainValidationError } from '../errors';

/**
 * The Incomes Register's income type codes (tulolajit / inkomsttyper) and how client fees treat
 * each one. The official list is a spreadsheet that changes yearly, so it is data: the service
 * loads a CSV table (apps/income-verification/data/income-types.csv) and an administrator
 * corrects a code by editing the table, never the code.
 *
 * - counted: income the fee is based on (Act 734/1992 § 10: continuous or recurring taxable
 *   income and tax-free income);
 * - excluded: income the Act leaves out (housing allowance, disability allowance, front-veteran's
 *   supplement …), shown with its reason;
 * - withholding: tax withheld from the payment, which turns gross into net;
 * - total: a register total (100 series) that repeats itemised types; never counted.
 */
export type IncomeTreatment = 'counted' | 'excluded' | 'withholding' | 'total';
export const INCOME_TREATMENTS: readonly IncomeTreatment[] = ['counted', 'excluded', 'withholding', 'total'];
export type IncomeRegisterDelivery = 'earnings' | 'benefits';

export interface IncomeType {
  readonly register: IncomeRegisterDelivery;
  readonly code: string;
  readonly names: { readonly en: string; readonly fi: string; readonly sv: string };
  readonly treatment: IncomeTreatment;
  /** Why an excluded or total type is not counted; shown to the officer and on the decision. */
  readonly reason: string | null;
  /** False while the code is not yet checked against the register's published list. */
  readonly confirmed: boolean;
  readonly source: string;
}

export interface IncomeTypeTable {
  readonly types: readonly IncomeType[];
  find(register: IncomeRegisterDelivery, code: string): IncomeType | undefined;
}

const COLUMNS = ['register', 'code', 'name_en', 'name_fi', 'name_sv', 'treatment', 'reason', 'confirmed', 'source'] as const;

/** Splits one CSV line (comma separated, double quotes around fields with commas or quotes). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  if (quoted) throw new DomainValidationError('has an unclosed quote', 'line');
  fields.push(field);
  return fields;
}

export function incomeTypeTable(types: readonly IncomeType[]): IncomeTypeTable {
  const byKey = new Map(types.map((type) => [`${type.register}:${type.code}`, type]));
  return Object.freeze({ types: Object.freeze([...types]), find: (register: IncomeRegisterDelivery, code: string) => byKey.get(`${register}:${code}`) });
}

/** Reads the code table; a bad row is refused with its line number, a code listed twice too. */
export function parseIncomeTypeTable(csv: string): IncomeTypeTable {
  const lines = csv.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new DomainValidationError('is empty', 'incomeTypes');
  const header = csvFields(lines[0]).map((h) => h.trim());
  if (COLUMNS.some((column, i) => header[i] !== column)) throw new DomainValidationError(`must have the columns ${COLUMNS.join(',')}`, 'incomeTypes');
  const seen = new Set<string>();
  const types = lines.slice(1).map((line, index): IncomeType => {
    const at = `incomeTypes.line${index + 2}`;
    const f = csvFields(line).map((value) => value.trim());
    if (f.length !== COLUMNS.length) throw new DomainValidationError(`has ${f.length} fields, not ${COLUMNS.length}`, at);
    const [register, code, en, fi, sv, treatment, reason, confirmed, source] = f;
    if (register !== 'earnings' && register !== 'benefits') throw new DomainValidationError('register must be earnings or benefits', at);
    if (!/^\d{1,4}$/.test(code)) throw new DomainValidationError('code must be 1-4 digits', at);
    if (!(INCOME_TREATMENTS as readonly string[]).includes(treatment)) throw new DomainValidationError(`treatment must be one of ${INCOME_TREATMENTS.join(', ')}`, at);
    if ((treatment === 'excluded' || treatment === 'total') && reason === '') throw new DomainValidationError('an excluded or total type must give the reason', at);
    if (confirmed !== 'yes' && confirmed !== 'check') throw new DomainValidationError('confirmed must be yes or check', at);
    if (!en || !fi || !sv || !source) throw new DomainValidationError('needs names in English, Finnish and Swedish and a source', at);
    const key = `${register}:${code}`;
    if (seen.has(key)) throw new DomainValidationError(`lists ${register} code ${code} twice`, at);
    seen.add(key);
    return Object.freeze({ register, code, names: Object.freeze({ en, fi, sv }), treatment: treatment as IncomeTreatment, reason: reason || null, confirmed: confirmed === 'yes', source });
  });
  return incomeTypeTable(types);
}
