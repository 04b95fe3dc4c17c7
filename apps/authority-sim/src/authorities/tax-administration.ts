import { badRequest } from '../http-json';
import type { AuthorityData } from './persons';
import { guidOf } from './xml';

/**
 * The tax administration (Vero). No per-person taxation-data API for wellbeing services counties
 * was found, so this JSON interface is clientfees' own shape of the yearly taxation decision
 * (verotuspäätös): earned income, capital income and the tax on them, per tax year. The adapter's
 * transport is pluggable, so a real channel replaces this one without touching the rules.
 *
 * POST /vero/taxation-data/v1/queries {identityCode, taxYears?} (the code in the body, never in a URL)
 */
export function taxationAnswer(data: AuthorityData, body: unknown): unknown {
  const request = body as { identityCode?: unknown; taxYears?: unknown };
  if (!request || typeof request.identityCode !== 'string' || request.identityCode === '') throw badRequest('identityCode', 'is required');
  if (request.taxYears !== undefined && (!Array.isArray(request.taxYears) || !request.taxYears.every((y) => Number.isInteger(y)))) {
    throw badRequest('taxYears', 'must be a list of years');
  }
  const person = data.persons.get(request.identityCode);
  const years = request.taxYears as number[] | undefined;
  const percent = Number(data.withholdingPercent[request.identityCode] ?? '0');
  const decisions = (person?.taxation ?? [])
    .filter((t) => years === undefined || years.includes(t.taxYear))
    .map((t) => ({
      taxYear: t.taxYear,
      decisionId: `VERO-${t.taxYear}-${guidOf('taxation', request.identityCode as string, String(t.taxYear)).slice(0, 12)}`,
      earnedIncome: t.earnedIncome,
      capitalIncome: t.capitalIncome,
      // Simulated: the tax-card rate on earned income and 30 % on capital income.
      taxes: ((Number(t.earnedIncome) * percent) / 100 + Number(t.capitalIncome) * 0.3).toFixed(2),
    }));
  return { found: person !== undefined, taxationDecisions: decisions };
}
