import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IncomeTypeTable, parseIncomeTypeTable } from '@clientfees/domain';

/** The income-type code table and which version of it is in use (a decision records the version it used). */
export interface LoadedIncomeTypes {
  table: IncomeTypeTable;
  /** `income-types.csv sha256:…`: the file's name and the first 12 hex digits of its hash. */
  version: string;
}

/** The shipped income-type code table (data/income-types.csv), or INCOME_TYPES_FILE when set. */
export function loadIncomeTypes(env: Record<string, string | undefined>): LoadedIncomeTypes {
  const file = env.INCOME_TYPES_FILE || path.join(__dirname, '..', '..', 'data', 'income-types.csv');
  const csv = readFileSync(file, 'utf8');
  return { table: parseIncomeTypeTable(csv), version: `${path.basename(file)} sha256:${createHash('sha256').update(csv).digest('hex').slice(0, 12)}` };
}
export const INCOME_TYPES = Symbol('INCOME_TYPES');
export const INCOME_TYPES_VERSION = Symbol('INCOME_TYPES_VERSION');
export const AUTHORITY_ENDPOINTS = Symbol('AUTHORITY_ENDPOINTS');
