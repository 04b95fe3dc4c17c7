import { feeDecisionLetter, FeeDecisionForLetter } from './decision-document';
import { proposeFee } from './fee-proposal';
import { householdOf } from './household';
import { summarisePersonIncomes } from './income-summary';
import { formatEuros, formatLetterDate } from './letter-format';
import { monthly, TEST_TABLE } from './test-support';

const summaryOf = (records: ReturnType<typeof monthly>) => summarisePersonIncomes({ reviewDate: '2026-11-20', records, table: TEST_TABLE });
const text = (letter: ReturnType<typeof feeDecisionLetter>) =>
  [letter.title, ...letter.recipient, ...letter.particulars.flat(), ...letter.sections.flatMap((s) => [s.heading, ...(s.paragraphs ?? []), ...(s.table?.rows.flat() ?? [])])].join('\n').replace(/\u00a0/g, ' ');

describe('formatEuros and formatLetterDate', () => {
  it('prints amounts and dates the way Finnish and Swedish letters do', () => {
    expect(formatEuros('1234.5', 'fi')).toBe('1\u00a0234,50\u00a0€');
    expect(formatEuros('1234567.89', 'sv')).toBe('1\u00a0234\u00a0567,89\u00a0€');
    expect(formatEuros('0.05', 'fi')).toBe('0,05\u00a0€');
    expect(formatLetterDate('2027-01-01')).toBe('1.1.2027');
  });
});

describe('feeDecisionLetter', () => {
  const eino = summaryOf([...monthly('benefits', '1001', 'Testieläkevakuutus Oy', '2400.00', 21), ...monthly('benefits', '1301', 'Kansaneläkelaitos', '180.00')]);
  const helmi = summaryOf([...monthly('benefits', '1001', 'Testieläkevakuutus Oy', '1100.00', 15), ...monthly('benefits', '1002', 'Kansaneläkelaitos', '310.20', 15)]);
  const household = householdOf('2026-11-20', [{ ref: 'helmi', birthDate: '1941-07-21', isSpouse: true }]);
  const service = { kind: 'fi-home-care', hoursPerMonth: '10', serviceCost: '2000.00' } as const;
  const proposal = proposeFee({ date: '2026-12-01', service, household, client: eino, spouse: helmi });
  const decision: FeeDecisionForLetter = {
    decisionId: 'd-1',
    organisationName: 'Länsi-Uusimaa',
    decidedOn: '2026-11-24',
    decidedBy: 'officer-1',
    validFrom: '2026-12-01',
    validTo: null,
    endReason: null,
    client: { name: 'Eino Esimerkki', address: { street: 'Testikatu 5 B 12', postalCode: '02100', city: 'Espoo' }, securityBan: false },
    guardian: null,
    service,
    fee: proposal.fee,
    proposedFee: proposal.fee,
    action: 'confirm',
    reason: null,
    incomes: { client: eino, spouse: helmi },
    household,
    proposal,
    ruleVersions: proposal.explanation.rules,
    incomeTypeTable: 'income-types.csv (test)',
    incomeTypes: TEST_TABLE,
    appealTo: { authority: 'Yksilöasioiden jaosto', address: 'PL 1, 02101 Espoo' },
  };

  it('writes the Finnish decision: the fee, each income with its register reports and rule, the excluded allowance, the arithmetic and the appeal instructions', () => {
    const fi = text(feeDecisionLetter(decision, 'fi'));
    expect(fi).toContain('Asiakasmaksupäätös');
    expect(fi).toContain('Asiakasmaksunne on 390,79 € kuukaudessa 1.12.2026 alkaen toistaiseksi.');
    expect(fi).toContain('Testikatu 5 B 12');
    // Incomes in Finnish names with their provenance.
    expect(fi).toContain('Työeläke');
    expect(fi).toContain('Tulorekisteri: 12 ilmoitusta 11/2025–10/2026, viimeisin 1001-2026-10');
    expect(fi).toContain('säännöllinen: nykyinen kuukausimäärä');
    expect(fi).toContain('Puoliso');
    // Housing allowance left out, with the reason.
    expect(fi).toMatch(/Asumistuki\n180,00 €\nHousing allowance is not counted/);
    // The arithmetic with the figures: (2400 + 1100 + 310.20) − 1289 = 2521.20; 15.5 % → 390.79.
    expect(fi).toContain('Perheen bruttotulot yhteensä 3 810,20 € kuukaudessa; perheen koko 2.');
    expect(fi).toContain('3 810,20 € − 1 289,00 € = 2 521,20 € tulorajan ylittävää tuloa.');
    expect(fi).toContain('15,5 % × 2 521,20 € = 390,79 €');
    expect(fi).toContain('FI home-care income limits');
    expect(fi).toContain('Oikaisuvaatimusohje');
    expect(fi).toContain('30 päivän kuluessa päätöksen tiedoksisaannista');
    expect(fi).toContain('Yksilöasioiden jaosto, PL 1, 02101 Espoo');
  });

  it('writes the Swedish decision with the same figures', () => {
    const sv = text(feeDecisionLetter(decision, 'sv'));
    expect(sv).toContain('Klientavgiftsbeslut');
    expect(sv).toContain('Er klientavgift är 390,79 € i månaden från och med 1.12.2026 tills vidare.');
    expect(sv).toContain('Arbetspension');
    expect(sv).toContain('Inkomstregistret: 12 anmälningar 11/2025–10/2026');
    expect(sv).toContain('Make');
    expect(sv).toContain('15,5 % × 2 521,20 € = 390,79 € (avrundat till cent, hälften uppåt).');
    expect(sv).toContain('Anvisning för begäran om omprövning');
    expect(sv).toContain('inom 30 dagar från delfåendet');
  });

  it('keeps a security-ban address off the letter, names the guardian, and shows an adjusted fee beside the calculated one', () => {
    const letter = feeDecisionLetter(
      {
        ...decision,
        client: { ...decision.client, securityBan: true },
        guardian: { name: 'Oikeusaputoimisto', address: { street: 'Virastokatu 1', postalCode: '00100', city: 'Helsinki' } },
        fee: '300.00',
        action: 'adjust',
        reason: 'the client’s medicine costs (§ 11)',
      },
      'fi',
    );
    const fi = text(letter);
    expect(letter.recipient).not.toContain('Testikatu 5 B 12');
    expect(fi).toContain('Turvakielto: osoitetta ei näytetä');
    expect(fi).toContain('Edunvalvoja: Oikeusaputoimisto');
    expect(fi).toContain('Asiakasmaksunne on 300,00 € kuukaudessa');
    expect(fi).toContain('Tulojen perusteella laskettu maksu on 390,79 €. Päättäjä on poikennut siitä: the client’s medicine costs (§ 11)');
  });

  it('explains the long-term care fee with the spouse rule and the personal allowance, and the maximum fee without income', () => {
    const care = { kind: 'fi-long-term-care', careType: 'enhanced-service-housing', serviceCost: '4000.00' } as const;
    const longTerm = proposeFee({ date: '2026-12-01', service: care, household, client: eino, spouse: helmi });
    const fi = text(feeDecisionLetter({ ...decision, service: care, fee: longTerm.fee, proposedFee: longTerm.fee, proposal: longTerm, ruleVersions: longTerm.explanation.rules }, 'fi'));
    expect(fi).toContain('Puolison nettotulot 1 198,67 € ovat pienemmät kuin asiakkaan 1 896,00 €');
    expect(fi).toContain('42,5 % × 3 094,67 € = 1 315,23 €.');
    expect(fi).toContain('käyttövaraa 195,00 €'); // the 2026 row of the personal-allowance table
    expect(fi).toContain('Maksu 1 315,23 € kuukaudessa.');

    const nothing = summarisePersonIncomes({ reviewDate: '2026-11-20', records: [], table: TEST_TABLE });
    const single = householdOf('2026-11-20', []);
    const maximum = proposeFee({ date: '2026-12-01', service: { ...service, serviceCost: '850.00' }, household: single, client: nothing });
    const sv = text(feeDecisionLetter({ ...decision, incomes: { client: nothing, spouse: null }, fee: maximum.fee, proposedFee: maximum.fee, proposal: maximum, ruleVersions: [] }, 'sv'));
    expect(sv).toContain('Inga inkomstuppgifter fanns i registren');
    expect(sv).toContain('Avgiften är kostnaden för att producera servicen, 850,00 € i månaden.');
    expect(sv).toContain('Avgiften har fastställts till det högsta beloppet.');
    expect(sv).toContain('Inga inkomster är kända.');
  });

  it('shows the recorded steps, not a different calculation, when today’s tables would give another fee', () => {
    const stale = { ...proposal, fee: '401.00', explanation: { ...proposal.explanation, lines: ['fee 401.00 EUR a month (old table)'] } };
    const fi = text(feeDecisionLetter({ ...decision, fee: '401.00', proposedFee: '401.00', proposal: stale }, 'fi'));
    expect(fi).toContain('Laskelma sellaisena kuin se kirjattiin päätöstä tehtäessä:\nfee 401.00 EUR a month (old table)');
  });
});
