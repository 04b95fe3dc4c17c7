import { DynamicModule, Module } from '@nestjs/common';
import { DEBT_REVIEW_ACTIVITY_CONTRACT, ESTATE_ACTIVITY_CONTRACT, RESTRUCTURING_ACTIVITY_CONTRACT, WRITE_OFF_PROPOSAL_ACTIVITY_CONTRACT } from '@clientfees/contracts';
import { bindActivities, invoicingMessagesAddress, PlatformModule } from '@clientfees/platform';
import { CLOCK, Clock, WALL_CLOCK } from './common/clock';
import { CommonModule } from './common/common.module';
import { INVOICING_MESSAGES, InvoicingMessages, TcpInvoicingMessages } from './common/invoicing-messages';
import { DebtCasesModule } from './debt-cases/debt-cases.module';
import { DebtReviewActivities } from './debt-reviews/debt-reviews.activities';
import { DebtReviewsModule } from './debt-reviews/debt-reviews.module';
import { EstateActivities } from './estates/estates.activities';
import { EstatesModule } from './estates/estates.module';
import { InboxModule } from './inbox/inbox.module';
import { DebtFollowup1765300000000 } from './migrations/1765300000000-DebtFollowup';
import { DebtReviewClientMovedOn1766160000000 } from './migrations/1766160000000-DebtReviewClientMovedOn';
import { DebtReviewClientMoveArea1766165000200 } from './migrations/1766165000200-DebtReviewClientMoveArea';
import { ReconciliationModule } from './reconciliation/reconciliation.module';
import { RestructuringActivities } from './restructurings/restructurings.activities';
import { RestructuringsModule } from './restructurings/restructurings.module';
import { SettingsModule } from './settings/settings.module';
import { WriteOffProposalActivities } from './write-off-proposals/write-off-proposals.activities';
import { WriteOffProposalsModule } from './write-off-proposals/write-off-proposals.module';

export interface DebtFollowupModuleOptions {
  /** Replaces invoicing's TCP messages (the letters' invoice copies, the month end's debt list): a test's stand-in. */
  invoicing?: InvoicingMessages;
  /** Replaces the wall clock as the requests' today (the time-skipping server's time in tests). */
  clock?: Clock;
}

/**
 * Debt lists, cases, estates of deceased clients, write-offs and escalations.
 * (FI saatavien seuranta / SV skuldbevakning)
 */
@Module({})
export class DebtFollowupModule {
  static register(env: Record<string, string | undefined> = process.env, options: DebtFollowupModuleOptions = {}): DynamicModule {
    // Read before the platform starts anything, so a bad INVOICING_TCP_PORT stops the service at once.
    const invoicing = options.invoicing ? { provide: INVOICING_MESSAGES, useValue: options.invoicing } : { provide: INVOICING_MESSAGES, useClass: TcpInvoicingMessages };
    const address = invoicingMessagesAddress(env);
    return {
      module: DebtFollowupModule,
      imports: [
        PlatformModule.forService(
          {
            name: 'debt-followup',
            description: 'Debt lists, cases, estates of deceased clients, write-offs and escalations.',
            database: { entities: [], migrations: [DebtFollowup1765300000000, DebtReviewClientMovedOn1766160000000, DebtReviewClientMoveArea1766165000200] },
            activities: [
              bindActivities(ESTATE_ACTIVITY_CONTRACT, EstateActivities),
              bindActivities(DEBT_REVIEW_ACTIVITY_CONTRACT, DebtReviewActivities),
              bindActivities(WRITE_OFF_PROPOSAL_ACTIVITY_CONTRACT, WriteOffProposalActivities),
              bindActivities(RESTRUCTURING_ACTIVITY_CONTRACT, RestructuringActivities),
            ],
          },
          env,
        ),
        CommonModule.register({ provide: CLOCK, useValue: options.clock ?? WALL_CLOCK }, [invoicing, { provide: 'INVOICING_MESSAGES_ADDRESS', useValue: address }]),
        SettingsModule,
        InboxModule,
        EstatesModule,
        DebtReviewsModule,
        DebtCasesModule,
        WriteOffProposalsModule,
        RestructuringsModule,
        ReconciliationModule,
      ],
    };
  }
}
