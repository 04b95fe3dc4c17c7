import type { Tx } from '@clientfees/platform';

export interface RealisationRow {
  month: string;
  serviceCode: string;
  contentCode: string;
  providerId: string;
  providerName: string;
  clients: number;
  completeUnits: number;
  incompleteUnits: number;
  priceCents: number;
  voucherValueCents: number;
  ownShareCents: number;
  settledCents: number;
}

/**
 * Clients and realisation (asiakkaat ja toteuma, seed 003 §5.1) per month of the event's end,
 * service, content and provider: the clients, the units complete and still incomplete (the
 * "Keskeneräiset" column), the price, the voucher's part, the clients' own share and what was
 * settled. Rejected and deleted events are left out.
 */
export async function realisation(tx: Tx, organisationId: string, from: string, to: string, filter: { serviceCode?: string; providerId?: string }): Promise<RealisationRow[]> {
  return tx.query<RealisationRow>(
    `SELECT to_char(e.end_date, 'YYYY-MM') AS month, v.service_code AS "serviceCode", vc.content_code AS "contentCode", e.provider_id AS "providerId", p.name AS "providerName",
            count(DISTINCT v.client_id)::int AS clients,
            coalesce(sum(e.quantity) FILTER (WHERE e.status = 'complete'), 0)::int AS "completeUnits",
            coalesce(sum(e.quantity) FILTER (WHERE e.status = 'incomplete'), 0)::int AS "incompleteUnits",
            coalesce(sum(e.price_cents), 0)::bigint AS "priceCents", coalesce(sum(e.voucher_value_cents), 0)::bigint AS "voucherValueCents",
            coalesce(sum(e.own_share_cents), 0)::bigint AS "ownShareCents",
            coalesce(sum(e.voucher_value_cents) FILTER (WHERE e.settlement_id IS NOT NULL), 0)::bigint AS "settledCents"
     FROM service_event e JOIN voucher v ON v.id = e.voucher_id JOIN voucher_content vc ON vc.id = e.voucher_content_id JOIN provider p ON p.id = e.provider_id
     WHERE e.organisation_id = $1 AND e.deleted_at IS NULL AND e.approval <> 'rejected' AND to_char(e.end_date, 'YYYY-MM') BETWEEN $2 AND $3
       AND ($4::text IS NULL OR v.service_code = $4) AND ($5::text IS NULL OR e.provider_id = $5)
     GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 5`,
    [organisationId, from, to, filter.serviceCode ?? null, filter.providerId ?? null],
  );
}

export interface InterruptionReportRow {
  voucherNumber: string;
  clientNumber: string;
  providerId: string;
  providerName: string;
  serviceCode: string;
  contentCode: string;
  reason: string;
  startDate: string;
  endDate: string | null;
  status: string;
  compensatedDays: number | null;
  uncompensatedDays: number | null;
  compensationCents: number | null;
  settled: boolean;
}

/** Interruptions of a service that touch the period (keskeytysraportti, seed 003 §5.2). */
export async function interruptionReport(tx: Tx, organisationId: string, from: string, to: string, filter: { serviceCode?: string; providerId?: string }): Promise<InterruptionReportRow[]> {
  return tx.query<InterruptionReportRow>(
    `SELECT v.number AS "voucherNumber", c.client_number AS "clientNumber", i.provider_id AS "providerId", p.name AS "providerName", v.service_code AS "serviceCode",
            vc.content_code AS "contentCode", i.reason, i.start_date AS "startDate", i.end_date AS "endDate", i.status,
            i.compensated_days AS "compensatedDays", i.uncompensated_days AS "uncompensatedDays", i.compensation_cents AS "compensationCents",
            i.settlement_id IS NOT NULL AS settled
     FROM interruption i JOIN voucher v ON v.id = i.voucher_id JOIN voucher_content vc ON vc.id = i.voucher_content_id
     JOIN voucher_client c ON c.organisation_id = v.organisation_id AND c.client_id = v.client_id JOIN provider p ON p.id = i.provider_id
     WHERE i.organisation_id = $1 AND i.deleted_at IS NULL AND i.start_date <= $3::date AND coalesce(i.end_date, 'infinity') >= $2::date
       AND ($4::text IS NULL OR v.service_code = $4) AND ($5::text IS NULL OR i.provider_id = $5)
     ORDER BY i.start_date, v.number`,
    [organisationId, from, to, filter.serviceCode ?? null, filter.providerId ?? null],
  );
}
