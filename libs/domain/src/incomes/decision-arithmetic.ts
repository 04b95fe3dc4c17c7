import type { FeeExplanation } from '../fees/explanation';
import { fiHomeCareFee } from '../fees/fi-home-care';
import { fiLongTermCareFee } from '../fees/fi-long-term-care';
import type { LongTermCareType } from '../fees/fi-long-term-care-tables';
import { FI_LONG_TERM_CARE_SHARES } from '../fees/fi-long-term-care-tables';
import { ruleFor } from '../rule-tables/dated-table';
import { Money } from '../money/money';
import { formatEuros, formatPercent, LetterLanguage } from './letter-format';

/** What a decision keeps of its proposal: enough to show the arithmetic again in either language. */
export interface ProposalForLetter {
  readonly fee: string;
  readonly rule: 'fi-home-care' | 'fi-long-term-care';
  readonly maximumFee: null | 'no-income-data' | 'accepts-maximum-fee';
  readonly explanation: FeeExplanation;
}

const eur = (text: string) => Money.parse(text, 'EUR');

/**
 * The fee's arithmetic in Finnish or Swedish, every step with its figures, so that the client can
 * check it and appeal it (Act 734/1992 § 15 read with the Administrative Procedure Act 434/2003
 * § 45: a decision states its grounds). The steps are worked again from the inputs the proposal
 * kept, with the same rule tables; if the tables no longer give the same fee, the stored steps
 * are shown as they were recorded instead, with a note, never a different calculation.
 */
export function decisionArithmetic(proposal: ProposalForLetter, language: LetterLanguage): string[] {
  const t = (fi: string, sv: string) => (language === 'fi' ? fi : sv);
  const e = (amount: Money | string) => formatEuros(typeof amount === 'string' ? amount : amount.toDecimalString(), language);
  const inputs = proposal.explanation.inputs;

  if (proposal.maximumFee !== null) {
    const cost = inputs.serviceCost ?? proposal.fee;
    return [
      proposal.maximumFee === 'no-income-data'
        ? t('Tulotietoja ei saatu rekistereistä eikä asiakas ole ilmoittanut tulojaan.', 'Inga inkomstuppgifter fanns i registren och klienten har inte uppgett sina inkomster.')
        : t('Asiakas on ilmoittanut hyväksyvänsä enimmäismaksun.', 'Klienten har meddelat att hen godkänner den högsta avgiften.'),
      t(`Maksu on palvelun tuotantokustannus ${e(cost)} kuukaudessa.`, `Avgiften är kostnaden för att producera servicen, ${e(cost)} i månaden.`),
    ];
  }

  const recorded = () => [
    t('Laskelma sellaisena kuin se kirjattiin päätöstä tehtäessä:', 'Beräkningen så som den registrerades när beslutet fattades:'),
    ...proposal.explanation.lines,
  ];

  if (proposal.rule === 'fi-home-care') {
    const result = fiHomeCareFee({
      date: inputs.date,
      householdSize: Number(inputs.householdSize),
      grossMonthlyIncome: eur(inputs.grossMonthlyIncome),
      hoursPerMonth: inputs.hoursPerMonth,
      serviceCost: inputs.serviceCost === undefined ? undefined : eur(inputs.serviceCost),
    });
    if (result.fee.toDecimalString() !== proposal.fee) return recorded();
    const income = eur(inputs.grossMonthlyIncome);
    const size = Number(inputs.householdSize);
    const excess = income.subtract(result.incomeLimit);
    const lines = [
      t(`Perheen bruttotulot yhteensä ${e(income)} kuukaudessa; perheen koko ${size}.`, `Hushållets bruttoinkomster sammanlagt ${e(income)} i månaden; hushållets storlek ${size}.`),
      t(`Tuloraja ${size} henkilön perheelle: ${e(result.incomeLimit)}.`, `Inkomstgräns för ett hushåll med ${size} personer: ${e(result.incomeLimit)}.`),
      t(
        `Palvelua ${inputs.hoursPerMonth} tuntia kuukaudessa (taulukossa ${result.hoursCharged} h): maksuprosentti ${formatPercent(result.percentage)}.`,
        `Service ${inputs.hoursPerMonth} timmar i månaden (${result.hoursCharged} h i tabellen): avgiftsprocent ${formatPercent(result.percentage)}.`,
      ),
    ];
    if (!excess.isPositive()) {
      lines.push(t(`Tulot eivät ylitä tulorajaa: maksua ei peritä.`, `Inkomsterna överstiger inte inkomstgränsen: ingen avgift tas ut.`));
    } else {
      lines.push(t(`${e(income)} − ${e(result.incomeLimit)} = ${e(excess)} tulorajan ylittävää tuloa.`, `${e(income)} − ${e(result.incomeLimit)} = ${e(excess)} över inkomstgränsen.`));
      const raw = excess.multiply(Money.parse(result.percentage, 'EUR').toDecimal().dividedBy(100), 'HALF_UP');
      lines.push(
        t(
          `${formatPercent(result.percentage)} × ${e(excess)} = ${e(raw)} (senttiin pyöristettynä, puolikas ylöspäin).`,
          `${formatPercent(result.percentage)} × ${e(excess)} = ${e(raw)} (avrundat till cent, hälften uppåt).`,
        ),
      );
    }
    if (result.costCapApplied) lines.push(t(`Maksu ei voi ylittää palvelun tuotantokustannusta ${e(inputs.serviceCost!)}.`, `Avgiften får inte överstiga kostnaden för servicen, ${e(inputs.serviceCost!)}.`));
    lines.push(t(`Maksu ${e(result.fee)} kuukaudessa.`, `Avgift ${e(result.fee)} i månaden.`));
    return lines;
  }

  const careType = inputs.careType as LongTermCareType;
  const income = eur(inputs.netMonthlyIncome);
  const deductions = eur(inputs.deductions ?? '0');
  const spouse = inputs.spouseNetMonthlyIncome === undefined ? undefined : eur(inputs.spouseNetMonthlyIncome);
  const result = fiLongTermCareFee({
    date: inputs.date,
    careType,
    netMonthlyIncome: income,
    deductions,
    ...(spouse ? { spouseNetMonthlyIncome: spouse } : {}),
    serviceCost: inputs.serviceCost === undefined ? undefined : eur(inputs.serviceCost),
  });
  if (result.fee.toDecimalString() !== proposal.fee) return recorded();
  const shares = ruleFor(FI_LONG_TERM_CARE_SHARES, inputs.date).value;
  const lines: string[] = [];
  if (result.spouseRuleApplied) {
    const combined = income.add(spouse!).subtract(deductions);
    lines.push(
      t(
        `Puolison nettotulot ${e(spouse!)} ovat pienemmät kuin asiakkaan ${e(income)}: maksu lasketaan puolisoiden yhteenlasketuista tuloista.`,
        `Makens nettoinkomster ${e(spouse!)} är lägre än klientens ${e(income)}: avgiften beräknas på makarnas sammanlagda inkomster.`,
      ),
      t(`${e(income)} + ${e(spouse!)} − vähennykset ${e(deductions)} = ${e(combined)}.`, `${e(income)} + ${e(spouse!)} − avdrag ${e(deductions)} = ${e(combined)}.`),
      `${formatPercent(shares.couple)} × ${e(combined)} = ${e(result.percentageCeiling)}.`,
    );
  } else {
    const own = income.subtract(deductions);
    if (spouse) lines.push(t(`Puolison nettotulot ${e(spouse)} eivät ole asiakkaan tuloja pienemmät: maksu lasketaan asiakkaan omista tuloista.`, `Makens nettoinkomster ${e(spouse)} är inte lägre än klientens: avgiften beräknas på klientens egna inkomster.`));
    lines.push(
      t(`Asiakkaan nettotulot ${e(income)} − vähennykset ${e(deductions)} = ${e(own)}.`, `Klientens nettoinkomster ${e(income)} − avdrag ${e(deductions)} = ${e(own)}.`),
      `${formatPercent(shares.client)} × ${e(own)} = ${e(result.percentageCeiling)}.`,
    );
  }
  const afterAllowance = income.subtract(deductions).subtract(result.personalAllowance);
  lines.push(
    t(
      `Asiakkaalle on jäätävä käyttövaraa ${e(result.personalAllowance)}: ${e(income)} − ${e(deductions)} − ${e(result.personalAllowance)} = ${e(afterAllowance)} enintään.`,
      `Klienten ska ha kvar ett personligt förbehållsbelopp på ${e(result.personalAllowance)}: ${e(income)} − ${e(deductions)} − ${e(result.personalAllowance)} = ${e(afterAllowance)} högst.`,
    ),
  );
  const lower = Money.min(result.percentageCeiling, afterAllowance);
  lines.push(t(`Maksu on näistä pienempi, ${e(lower)}.`, `Avgiften är det lägre av dessa, ${e(lower)}.`));
  if (inputs.serviceCost !== undefined && lower.isGreaterThan(eur(inputs.serviceCost))) {
    lines.push(t(`Maksu ei voi ylittää palvelun tuotantokustannusta ${e(inputs.serviceCost)}.`, `Avgiften får inte överstiga kostnaden för servicen, ${e(inputs.serviceCost)}.`));
  }
  if (lower.isNegative()) lines.push(t('Maksua ei jää perittäväksi.', 'Ingen avgift återstår att ta ut.'));
  lines.push(t(`Maksu ${e(result.fee)} kuukaudessa.`, `Avgift ${e(result.fee)} i månaden.`));
  return lines;
}
