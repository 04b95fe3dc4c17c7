import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IncomeTypeTable, parseIncomeTypeTable } from '@clientfees/domain';

/** The shipped income-type code table (data/income-types.csv), or INCOME_TYPES_FILE when set. */
export function loadIncomeTypes(env: Record<string, string | undefined>): IncomeTypeTable {
  const file = env.INCOME_TYPES_FILE || path.join(__dirname, '..', '..', 'data', 'income-types.csv');
  return parseIncomeTypeTable(readFileSync(file, 'utf8'));
}
export const INCOME_TYPES = Symbol('INCOME_TYPES');
export const AUTHORITY_ENDPOINTS = Symbol('AUTHORITY_ENDPOINTS');
