import { HOUSING_TYPES, HousingType, rentContractStartDate } from '@clientfees/domain';
import { dateOption, parseOptions, requireOption } from '../options';
import { UsageError } from '../usage-error';
import { withOptionNames } from './fee';

export const rentContractDateHelp = `clientfees rent-contract-date --housing ${HOUSING_TYPES.join('|')} --move-in YYYY-MM-DD [--json]
  The rent contract date for a move-in: care housing (vårdbostad) day 1-14 → the 17th, day 15-31 →
  the 1st of the next month; service apartment (servicelägenhet) day 1-14 → the 1st, day 15-31 →
  the 17th of the same month.`;

export function rentContractDateCommand(argv: string[]): string {
  const values = parseOptions(argv, {
    housing: { type: 'string' },
    'move-in': { type: 'string' },
    json: { type: 'boolean' },
  });
  const housing = requireOption(values, 'housing');
  if (!HOUSING_TYPES.includes(housing as HousingType)) throw new UsageError(`--housing must be ${HOUSING_TYPES.join(' or ')}, not "${housing}"`);
  const moveIn = dateOption(values, 'move-in');
  const contractDate = withOptionNames(() => rentContractStartDate(housing as HousingType, moveIn));
  return values.json ? JSON.stringify({ housing, moveIn, contractDate }) : contractDate;
}
