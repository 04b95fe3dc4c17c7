import type { ClientBillingInput, PriceListItem } from '@clientfees/domain';
import type { WhatIfHousehold } from '@clientfees/domain';

/**
 * The billing benchmark's month (libs/testing/src/billing-data.ts) as in-memory households, for
 * timing the what-if comparison itself without Postgres or Temporal: the same mix of services
 * (70 % home care, 10 % long-term care, 20 % a fixed fee), incomes, couples, registrations,
 * absences and corrections, client for client.
 */
export function benchHouseholds(organisationId: string, clients: number, period: string): WhatIfHousehold[] {
  const first = `${period}-01`;
  const day = (n: number) => `${period}-${String(n + 1).padStart(2, '0')}`;
  const priceList: PriceListItem[] = [
    { code: 'CLEAN', name: 'Cleaning', unit: 'hour', price: '35.00', piecePriced: false, affectsMaximumFee: false },
    { code: 'MEAL', name: 'Lunch delivered', unit: 'piece', price: '6.50', piecePriced: true, affectsMaximumFee: false },
    { code: 'BASKET', name: 'Food basket', unit: 'piece', price: '12.00', piecePriced: true, affectsMaximumFee: false },
  ];
  const isCouple = (i: number) => (i % 50 === 1 || i % 50 === 2) && i < clients;
  const client = (i: number): ClientBillingInput => {
    const kind = i % 50 === 1 && i < clients ? 'fi-long-term-care' : i % 50 === 2 ? 'fi-home-care' : i % 10 < 7 ? 'fi-home-care' : i % 10 === 7 ? 'fi-long-term-care' : 'fixed-monthly';
    const gross = 110000 + ((i * 3701) % 250000);
    const cents = (c: number) => (c / 100).toFixed(2);
    return {
      clientId: `c-${i}`,
      clientNumber: `B-${i}`,
      name: `Bench Client ${i}`,
      country: 'FI',
      period,
      dateOfDeath: null,
      settings: {
        debitingArea: `A${i % 10}`,
        feeCalculationType: isCouple(i) ? 'couple' : 'single',
        acceptsMaximumFee: false,
        parishCode: null,
        accountString: `4100-${i % 10}`,
        recipient: { kind: 'client', name: null, address: null },
        residenceAddress: { streetAddress: `Koivukuja ${(i % 200) + 1}`, postalCode: '02100', city: 'Espoo', country: 'FI' },
        addressProtected: false,
      },
      income: {
        validFrom: '2020-01-01',
        grossMonthlyIncome: cents(gross),
        netMonthlyIncome: cents(Math.trunc((gross * 8) / 10)),
        deductions: i % 10 === 7 ? '50.00' : '0.00',
        householdSize: isCouple(i) ? 2 : 1,
        housingCost: '0.00',
      },
      services: [
        {
          serviceCode: kind === 'fi-home-care' ? 'HOME' : kind === 'fi-long-term-care' ? 'LTC' : 'SUPPORT',
          description: kind === 'fi-home-care' ? 'Continuous home care' : kind === 'fi-long-term-care' ? 'Enhanced service housing' : 'Support service',
          kind,
          validFrom: '2020-01-01',
          validTo: null,
          serviceCost: kind === 'fi-long-term-care' ? '4000.00' : '1500.00',
          hoursPerMonth: kind === 'fi-home-care' ? String(8 + (i % 50)) : null,
          careType: kind === 'fi-long-term-care' ? 'enhanced-service-housing' : null,
          monthlyFee: kind === 'fixed-monthly' ? '45.00' : null,
          absenceDeductible: true,
          includesCareHousingFood: false,
        },
      ],
      registrations:
        i % 5 < 3
          ? [
              { id: `r1-${i}`, itemCode: 'CLEAN', performedOn: day(2), quantity: '2.0' },
              { id: `r2-${i}`, itemCode: 'MEAL', performedOn: day(9), quantity: '10.0' },
              { id: `r3-${i}`, itemCode: 'BASKET', performedOn: day(19), quantity: '1.0' },
            ]
          : [],
      absences: i % 20 === 0 ? [{ id: `a-${i}`, kind: 'planned', notifiedOn: first, firstDay: day(4), lastDay: day(17) }] : [],
      corrections: i % 100 === 0 ? [{ id: `k-${i}`, amount: '-5.00', text: 'Alarm button returned: refund', itemCode: null }] : [],
      rent: null,
    } as ClientBillingInput;
  };
  const households: WhatIfHousehold[] = [];
  for (let i = 1; i <= clients; i++) {
    if (isCouple(i) && i % 50 === 1) {
      households.push({ organisationId, clients: [client(i), client(i + 1)], priceList });
      i++;
    } else households.push({ organisationId, clients: [client(i)], priceList });
  }
  return households;
}
