import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { TaskQueues } from '@clientfees/contracts';
import { createTestDatabase, freePort, prebuiltWorkflowBundle, serviceTestEnv, ServiceUnderTest, startServiceForTest, stopTestStack, TestDatabase } from '@clientfees/testing';
import { InvoicingModule } from '../src/invoicing.module';

export const FI_ORGANISATION = {
  name: 'Demo wellbeing services county',
  country: 'FI',
  currency: 'EUR',
  timeZone: 'Europe/Helsinki',
  paymentTermDays: 14,
  dueDateBankingDays: 3,
  /** The account the project's own camt.054 fixtures report on. */
  bankAccounts: ['FI21 1234 5600 0007 85'],
};

export interface InvoicingStack {
  env: TestWorkflowEnvironment;
  db: TestDatabase;
  service: ServiceUnderTest;
  tcpPort: number;
  stop(): Promise<void>;
}

/**
 * Postgres + a Temporal server + the workflow worker + the invoicing service, all real, with
 * the given Finnish organisations set up. The time-skipping server has no Schedules: pass
 * `schedules: false` there.
 */
export async function startInvoicingStack(
  env: TestWorkflowEnvironment,
  options: { schedules?: boolean; organisations?: string[] } = {},
): Promise<InvoicingStack> {
  const db = await createTestDatabase();
  const tcpPort = await freePort();
  const service = await startServiceForTest(
    InvoicingModule.register(serviceTestEnv(db.url, env.address, { TCP_PORT: String(tcpPort), TEMPORAL_SCHEDULES: String(options.schedules ?? true) })),
  );
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue: TaskQueues.workflows, workflowBundle: prebuiltWorkflowBundle() });
  const running = worker.run();
  for (const id of options.organisations ?? ['fi-demo']) {
    const put = await service.request('PUT', `/organisations/${id}`, { roles: ['administrator'], body: FI_ORGANISATION });
    if (put.status !== 200) throw new Error(`organisation ${id} not set up: ${JSON.stringify(put.body)}`);
  }
  return {
    env,
    db,
    service,
    tcpPort,
    async stop() {
      await stopTestStack({ workers: [worker], running, then: [() => service.close(), () => db.drop()], env });
    },
  };
}

/** A client's billing settings as the billing tests enter them: at home in Espoo, single, booked to 4100-5230. */
export const billingSettingsBody = (overrides: Record<string, unknown> = {}) => ({
  debitingArea: 'ESPOO-NORTH',
  feeCalculationType: 'single',
  acceptsMaximumFee: false,
  accountString: '4100-5230',
  recipient: { kind: 'client' },
  residenceAddress: { streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo' },
  ...overrides,
});

/** The price list of the billing tests: cleaning by the hour (counts towards a maximum fee), food baskets by the piece. */
export const PRICE_LIST_ITEMS = [
  { code: 'CLEANING', name: 'Cleaning', unit: 'hour', price: '32.50', piecePriced: false, affectsMaximumFee: true, validFrom: '2025-01-01' },
  { code: 'FOOD-BASKET', name: 'Food basket', unit: 'piece', price: '18.00', piecePriced: true, affectsMaximumFee: false, validFrom: '2025-01-01' },
];
