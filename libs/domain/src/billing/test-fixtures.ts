// Builders for the billing specs only: not exported from billing/index.ts.
import type {
  Absence,
  BillingSettingsSnapshot,
  ClientBilling,
  ClientBillingInput,
  DecidedService,
  HouseholdBillingInput,
  IncomeSnapshot,
  PriceListItem,
  RentContract,
} from './types';

export const FI_ADDRESS = { streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo', country: 'FI' };
export const SE_ADDRESS = { streetAddress: 'Storgatan 1', postalCode: '58223', city: 'Linköping', country: 'SE' };

export function settings(overrides: Partial<BillingSettingsSnapshot> = {}): BillingSettingsSnapshot {
  return {
    debitingArea: 'AREA-1',
    feeCalculationType: 'single',
    acceptsMaximumFee: false,
    parishCode: null,
    accountString: '4100-2310-511',
    recipient: { kind: 'client', name: null, address: null },
    residenceAddress: FI_ADDRESS,
    addressProtected: false,
    ...overrides,
  };
}

export function income(overrides: Partial<IncomeSnapshot> = {}): IncomeSnapshot {
  return { validFrom: '2024-01-01', grossMonthlyIncome: '2000.00', netMonthlyIncome: '1500.00', deductions: '0.00', householdSize: 1, housingCost: '0.00', ...overrides };
}

/** FI home care, 38 h a month: one person with 2 000 € gross pays 35 % × (2 000 − 653) = 471.45 € (2024). */
export function service(overrides: Partial<DecidedService> = {}): DecidedService {
  return {
    serviceCode: 'HC',
    description: 'Home care',
    kind: 'fi-home-care',
    validFrom: '2024-01-01',
    validTo: null,
    serviceCost: '5000.00',
    hoursPerMonth: '38',
    careType: null,
    monthlyFee: null,
    absenceDeductible: true,
    includesCareHousingFood: false,
    ...overrides,
  };
}

export function fixed(monthlyFee: string, overrides: Partial<DecidedService> = {}): DecidedService {
  return service({ serviceCode: 'SUP', description: 'Support service', kind: 'fixed-monthly', monthlyFee, hoursPerMonth: null, serviceCost: '0.00', ...overrides });
}

export function absence(id: string, kind: Absence['kind'], firstDay: string, lastDay: string | null, notifiedOn: string | null = kind === 'planned' ? '2024-01-01' : null): Absence {
  return { id, kind, firstDay, lastDay, notifiedOn };
}

export function rent(overrides: Partial<RentContract> = {}): RentContract {
  return { housing: 'care', moveIn: '2024-01-02', moveOut: null, moveOutRent: null, monthlyRent: '6000.00', rentFreeMonthPeriod: null, ...overrides };
}

export function client(overrides: Partial<ClientBillingInput> = {}): ClientBillingInput {
  return {
    clientId: 'c1',
    clientNumber: 'C-1',
    name: 'Aino Testinen',
    country: 'FI',
    period: '2024-06',
    dateOfDeath: null,
    settings: settings(),
    income: income(),
    services: [],
    registrations: [],
    absences: [],
    corrections: [],
    rent: null,
    ...overrides,
  };
}

export function seClient(overrides: Partial<ClientBillingInput> = {}): ClientBillingInput {
  return client({
    name: 'Astrid Testsson',
    country: 'SE',
    settings: settings({ parishCode: '058003', residenceAddress: SE_ADDRESS }),
    income: income({ netMonthlyIncome: '20000.00', housingCost: '5000.00' }),
    ...overrides,
  });
}

/** SE elderly care; with 20 000 kr net and 5 000 kr housing the single fee is maxtaxa 2 575 kr (2024). */
export function seService(overrides: Partial<DecidedService> = {}): DecidedService {
  return service({ serviceCode: 'ELD', description: 'Elderly care', kind: 'se-elderly-care', serviceCost: '3000.00', hoursPerMonth: null, ...overrides });
}

export const PRICE_LIST: readonly PriceListItem[] = [
  { code: 'CLEAN', name: 'Cleaning', unit: 'hour', price: '32.40', piecePriced: false, affectsMaximumFee: true },
  { code: 'BASKET', name: 'Food basket', unit: 'piece', price: '45.50', piecePriced: true, affectsMaximumFee: false },
  { code: 'DAY', name: 'Day activity', unit: 'day', price: '150.00', piecePriced: false, affectsMaximumFee: true },
];

export function household(clients: ClientBillingInput[], overrides: Partial<HouseholdBillingInput> = {}): HouseholdBillingInput {
  return { period: clients[0]?.period ?? '2024-06', clients, priceList: PRICE_LIST, ruleTables: {}, ...overrides };
}

export type Calculated = Extract<ClientBilling, { status: 'calculated' }>;
export type Failed = Extract<ClientBilling, { status: 'error' }>;

export function calculated(result: ClientBilling): Calculated {
  if (result.status !== 'calculated') throw new Error(`expected a calculation, got errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result;
}

export function failed(result: ClientBilling): Failed {
  if (result.status !== 'error') throw new Error(`expected errors, got rows: ${JSON.stringify(result.rows.map((r) => [r.kind, r.amount]))}`);
  return result;
}

/** [kind, amount] per row: what most expectations compare. */
export function amounts(result: ClientBilling): [string, string][] {
  return calculated(result).rows.map((row) => [row.kind, row.amount]);
}
