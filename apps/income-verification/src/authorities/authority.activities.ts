import { Inject, Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import {
  AuthorityName,
  FETCH_NOT_PERMITTED,
  FetchRequest,
  IncomesRegisterActivities,
  PopulationFacts,
  PopulationRegisterActivities,
  TaxAdministrationActivities,
} from '@clientfees/contracts';
import { IncomeRecord, IncomeTypeTable, parseFinnishPersonalIdentityCode, recordsFromReport } from '@clientfees/domain';
import { Database, Tx } from '@clientfees/platform';
import * as q from '../reviews/review.queries';
import { ReviewsService } from '../reviews/reviews.service';
import { AUTHORITY_ENDPOINTS, INCOME_TYPES } from '../reviews/income-types.provider';
import type { AuthorityEndpoints } from './authority-http';
import { queryIncomesRegister } from './incomes-register.adapter';
import { queryPerson } from './population-register.adapter';
import { jsonTaxationTransport, TaxationTransport } from './tax-administration.adapter';
import { PopulationChangesService } from '../population/population-changes.service';

/** How often a running fetch heartbeats; well inside the workflow's heartbeat timeout of 20 s. */
const HEARTBEAT_EVERY_MS = 5_000;

/**
 * Fetches from one authority for one person of a review: checks the grounds (consent or legal
 * basis) at the moment of fetching, looks the identity code up from the review, calls the adapter,
 * stores what came back and logs the fetch (who, which client, which source, why, outcome). Only
 * counts and facts without identity codes go back to the workflow.
 */
@Injectable()
export class AuthorityFetcher {
  constructor(
    private readonly db: Database,
    private readonly reviews: ReviewsService,
  ) {}

  /**
   * The database is visited twice: one read before the call, one transaction storing the answer
   * with its log entry after it. Only the calls themselves hold a slot of the authority's limit
   * (the endpoint's gate, ADR 0034); the reads and writes of other fetches overlap with them.
   */
  async fetch<T>(
    source: AuthorityName,
    request: FetchRequest,
    call: (identityCode: string, c: q.ReviewCase) => Promise<T>,
    store: (tx: Tx, result: T) => Promise<void>,
  ): Promise<T> {
    // The workflow gives a fetch a heartbeat timeout (20 s): a fetch that runs longer than a few
    // seconds says it is alive, and hears of a cancellation (the signal its calls carry).
    const context = Context.current();
    const heartbeat = setInterval(() => context.heartbeat(), HEARTBEAT_EVERY_MS);
    try {
      return await this.fetchOnce(source, request, call, store);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async fetchOnce<T>(
    source: AuthorityName,
    request: FetchRequest,
    call: (identityCode: string, c: q.ReviewCase) => Promise<T>,
    store: (tx: Tx, result: T) => Promise<void>,
  ): Promise<T> {
    const { c, person, grounds } = await this.db.read(async (tx) => {
      const c = await this.reviews.caseOrThrow(tx, request.caseId);
      return { c, person: await q.personOf(tx, request.caseId, request.person), grounds: await this.reviews.groundsFor(tx, c, source) };
    });
    if (!person) throw ApplicationFailure.nonRetryable(`the review has no ${request.person} to fetch for`, FETCH_NOT_PERMITTED);
    const logIn = (tx: Tx, outcome: string, detail?: string) =>
      q.logFetch(tx, { organisationId: c.organisationId, clientId: c.clientId, caseId: c.id, person: request.person, source, purpose: `income review (${c.reason})`, grounds: grounds ?? 'none', actor: c.startedBy, outcome, detail });
    const log = (outcome: string, detail?: string) => this.db.transaction((tx) => logIn(tx, outcome, detail));
    if (!grounds) {
      await log('refused', 'no consent or legal basis in force');
      throw ApplicationFailure.nonRetryable(`no consent or legal basis to fetch from the ${source}`, FETCH_NOT_PERMITTED);
    }
    try {
      const result = await call(person.identityCode, c);
      await this.db.transaction(async (tx) => {
        await store(tx, result);
        await logIn(tx, 'fetched');
      });
      return result;
    } catch (error) {
      const attempt = Context.current().info.attempt;
      await log(error instanceof ApplicationFailure ? 'malformed' : 'unavailable', `attempt ${attempt}: ${(error as Error).message}`);
      throw error;
    }
  }
}

@Injectable()
export class IncomesRegisterActivitiesProvider implements IncomesRegisterActivities {
  constructor(
    private readonly fetcher: AuthorityFetcher,
    private readonly reviews: ReviewsService,
    @Inject(AUTHORITY_ENDPOINTS) private readonly endpoints: AuthorityEndpoints,
    @Inject(INCOME_TYPES) private readonly table: IncomeTypeTable,
  ) {}

  async fetchIncomesRegister(request: FetchRequest): Promise<{ reports: number }> {
    const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    let count = 0;
    await this.fetcher.fetch(
      'incomes-register',
      request,
      async (identityCode, c) => {
        const span = this.reviews.paymentSpan(c.reviewDate);
        // One call after the other, each taking its own turn at the register's gate (ADR 0034):
        // when the register is down, an attempt stops at its first failed call.
        const signal = Context.current().cancellationSignal;
        const earnings = await queryIncomesRegister(this.endpoints, { delivery: 'earnings', identityCode, ...span, timestamp }, signal);
        const benefits = await queryIncomesRegister(this.endpoints, { delivery: 'benefits', identityCode, ...span, timestamp }, signal);
        return [...earnings.reports, ...benefits.reports];
      },
      async (tx, reports) => {
        const records: IncomeRecord[] = [];
        const unknown: string[] = [];
        for (const report of reports) {
          const read = recordsFromReport(report, this.table);
          records.push(...read.records);
          unknown.push(...read.unknownCodes);
        }
        count = reports.length;
        await q.saveRecords(tx, request.caseId, request.person, 'incomes-register', records, unknown);
      },
    );
    return { reports: count };
  }
}

@Injectable()
export class TaxAdministrationActivitiesProvider implements TaxAdministrationActivities {
  private readonly transport: TaxationTransport;

  constructor(
    private readonly fetcher: AuthorityFetcher,
    @Inject(AUTHORITY_ENDPOINTS) endpoints: AuthorityEndpoints,
  ) {
    this.transport = jsonTaxationTransport(endpoints);
  }

  async fetchTaxation(request: FetchRequest): Promise<{ decisions: number }> {
    const decisions = await this.fetcher.fetch(
      'tax-administration',
      request,
      (identityCode) => this.transport.taxationDecisions(identityCode, Context.current().cancellationSignal),
      async (tx, found) => {
        const records: IncomeRecord[] = found.flatMap((d) => {
          const year = { start: `${d.taxYear}-01-01`, end: `${d.taxYear}-12-31` };
          const base = { source: 'tax-administration' as const, reportId: d.decisionId, register: 'taxation' as const, payer: null, paymentDate: null, earningPeriod: year };
          const capitalTax = (Number(d.capitalIncome) * 0.3).toFixed(2);
          return [
            { ...base, typeCode: 'earned-income', gross: d.earnedIncome, withheld: Math.max(0, Number(d.taxes) - Number(capitalTax)).toFixed(2) },
            { ...base, typeCode: 'capital-income', gross: d.capitalIncome, withheld: '0.00' },
          ];
        });
        await q.saveRecords(tx, request.caseId, request.person, 'tax-administration', records, []);
      },
    );
    return { decisions: decisions.length };
  }
}

@Injectable()
export class PopulationRegisterActivitiesProvider implements PopulationRegisterActivities {
  constructor(
    private readonly fetcher: AuthorityFetcher,
    @Inject(AUTHORITY_ENDPOINTS) private readonly endpoints: AuthorityEndpoints,
    private readonly changes: PopulationChangesService,
  ) {}

  pollPopulationChanges(input: { organisationId: string }) {
    return this.changes.poll(input.organisationId);
  }

  async fetchPopulationRecord(request: FetchRequest): Promise<PopulationFacts> {
    const person = await this.fetcher.fetch(
      'population-register',
      request,
      (identityCode, c) => queryPerson(this.endpoints, identityCode, c.startedBy, Context.current().cancellationSignal),
      async (tx, p) => {
        const birthOf = (code: string) => parseFinnishPersonalIdentityCode(code, 'resident').birthDate;
        const residents = p.residents.map((r, i) => ({ ref: `resident-${i + 1}`, birthDate: birthOf(r.identityCode), isSpouse: r.identityCode === p.spouse?.identityCode }));
        if (p.spouse && p.residents.some((r) => r.identityCode === p.spouse!.identityCode)) await q.savePerson(tx, request.caseId, 'spouse', p.spouse.identityCode, p.spouse.name);
        await q.updateCase(tx, request.caseId, {
          population: {
            found: p.found, name: `${p.firstNames} ${p.lastName}`.trim(), address: p.address, homeMunicipality: p.homeMunicipality, dateOfDeath: p.dateOfDeath, securityBan: p.securityBan,
            guardian: p.guardian, maritalStatusCode: p.maritalStatusCode, hasSpouse: residents.some((r) => r.isSpouse), residents,
          },
        });
      },
    );
    const livesWithSpouse = person.spouse !== null && person.residents.some((r) => r.identityCode === person.spouse!.identityCode);
    return { found: person.found, dateOfDeath: person.dateOfDeath, securityBan: person.securityBan, hasGuardian: person.guardian !== null, householdSize: 1 + person.residents.length, hasSpouse: livesWithSpouse };
  }
}
