import { AuthorityEndpoints, callAuthority, malformed } from './authority-http';

/**
 * The tax administration's yearly taxation data (verotustiedot). No per-person API for wellbeing
 * services counties exists, so the transport is pluggable: `TaxationTransport` is what a real
 * channel implements; the default speaks the stand-in's JSON (docs/income-verification.md).
 */
export interface TaxationDecision {
  taxYear: number;
  decisionId: string;
  earnedIncome: string;
  capitalIncome: string;
  taxes: string;
}

export interface TaxationTransport {
  taxationDecisions(identityCode: string, signal?: AbortSignal): Promise<TaxationDecision[]>;
}

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;

export function jsonTaxationTransport(endpoints: AuthorityEndpoints): TaxationTransport {
  return {
    async taxationDecisions(identityCode, signal) {
      const answer = await callAuthority(endpoints.taxAdministration, 'queries', { method: 'POST', body: JSON.stringify({ identityCode }), signal });
      let body: { taxationDecisions?: unknown };
      try {
        body = JSON.parse(answer.body) as { taxationDecisions?: unknown };
      } catch {
        throw malformed('tax administration', 'the answer is not JSON');
      }
      if (answer.status !== 200 || !Array.isArray(body.taxationDecisions)) throw malformed('tax administration', `status ${answer.status} without taxation decisions`);
      return body.taxationDecisions.map((d: Record<string, unknown>) => {
        if (!Number.isInteger(d.taxYear) || typeof d.decisionId !== 'string' || ![d.earnedIncome, d.capitalIncome, d.taxes].every((a) => typeof a === 'string' && AMOUNT.test(a))) {
          throw malformed('tax administration', 'a taxation decision lacks its year, id or amounts');
        }
        return d as unknown as TaxationDecision;
      });
    },
  };
}
