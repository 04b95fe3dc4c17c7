import { Money, currencyOfCountry, lateInterest } from '@clientfees/domain';
import { countryOption, dateOption, parseOptions, requireOption } from '../options';

export const interestHelp = `clientfees interest --country FI|SE --principal 123.45 --from YYYY-MM-DD --to YYYY-MM-DD [--json]
  Statutory late-payment interest (viivästyskorko / dröjsmålsränta) on the principal for every day
  from --from to --to, both included: reference rate + 7 pp (FI) or + 8 pp (SE), per day / 365,
  rounded half up to the cent once. --json adds the days and a breakdown by rate period.`;

export function interestCommand(argv: string[]): string {
  const values = parseOptions(argv, {
    country: { type: 'string' },
    principal: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
  });
  const country = countryOption(values);
  const principal = Money.parse(requireOption(values, 'principal'), currencyOfCountry(country), 'principal');
  const result = lateInterest(country, principal, dateOption(values, 'from'), dateOption(values, 'to'));
  if (!values.json) return result.interest.toDecimalString();
  return JSON.stringify({
    interest: result.interest.toDecimalString(),
    currency: result.interest.currency,
    principal: result.principal.toDecimalString(),
    from: result.from,
    to: result.to,
    days: result.days,
    breakdown: result.breakdown.map((period) => ({
      from: period.from,
      to: period.to,
      days: period.days,
      referenceRatePercent: period.referenceRatePercent.toFixed(2),
      annualRatePercent: period.annualRatePercent.toFixed(2),
      // Six decimals explain the figure; the total is rounded from the exact sum, not from these.
      exactAmount: period.exactAmount.toFixed(6),
      status: period.status,
      source: period.source,
    })),
  });
}
