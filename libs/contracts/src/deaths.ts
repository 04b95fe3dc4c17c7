/**
 * A client's death (kuolema / dödsfall) as it travels between services. The population
 * register's change feed (income verification) or a person (REST) reports it; debt follow-up
 * records it once and starts the client's `decedentEstate` workflow, which stops billing,
 * closes service vouchers and turns the invoices to the estate (kuolinpesä / dödsbo).
 */
export interface ClientDeathReport {
  organisationId: string;
  /** Invoicing's client id (never an identity code). */
  clientId: string;
  /** The date of death, YYYY-MM-DD. */
  dateOfDeath: string;
  source: 'population-register' | 'manual';
  /** Where the fact comes from: the change-feed entry, or the document a person saw. */
  sourceReference: string;
  /** Who reported it: a user id, or the service that read the register. */
  reportedBy: string;
}

export interface ClientDeathRecorded {
  estateCaseId: string;
  /** False when the same death had been reported before: nothing changed. */
  firstReport: boolean;
}

/** On the debt-followup task queue. */
export interface DeathReportActivities {
  /** Records the death and starts the client's decedentEstate workflow once; a repeat changes nothing. */
  recordClientDeath(report: ClientDeathReport): Promise<ClientDeathRecorded>;
}

/** On the provider-settlement task queue: what the estate workflow asks of provider settlement. */
export interface VoucherDeathActivities {
  /** Closes the client's service vouchers on the day after the death (seed 003); idempotent. */
  closeVouchersAfterDeath(input: { organisationId: string; clientId: string; dateOfDeath: string }): Promise<{ closedVoucherIds: string[] }>;
}
