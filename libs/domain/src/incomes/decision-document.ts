import type { LocalDate } from '../dates/local-date';
import type { RuleVersion } from '../fees/explanation';
import { appealInstructions } from './appeal-instructions';
import { decisionArithmetic, ProposalForLetter } from './decision-arithmetic';
import type { ServiceForFee } from './fee-proposal';
import type { Household } from './household';
import type { IncomeLine, IncomeRule, PersonIncomeSummary, Provenance } from './income-summary';
import type { IncomeTypeTable } from './income-types';
import { formatEuros, formatLetterDate, LetterLanguage } from './letter-format';

export interface LetterAddress {
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
}

/** Everything a fee decision letter shows, as the decision recorded it. */
export interface FeeDecisionForLetter {
  readonly decisionId: string;
  readonly organisationName: string;
  readonly decidedOn: LocalDate;
  readonly decidedBy: string;
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate | null;
  readonly endReason: string | null;
  readonly client: { readonly name: string; readonly address: LetterAddress | null; readonly securityBan: boolean };
  /** The guardian (edunvalvoja / intressebevakare) receives the decision too. */
  readonly guardian: { readonly name: string; readonly address: LetterAddress | null } | null;
  readonly service: ServiceForFee;
  readonly fee: string;
  readonly proposedFee: string;
  readonly action: 'confirm' | 'adjust';
  readonly reason: string | null;
  readonly incomes: { readonly client: PersonIncomeSummary; readonly spouse: PersonIncomeSummary | null };
  readonly household: Household | null;
  readonly proposal: ProposalForLetter;
  readonly ruleVersions: readonly RuleVersion[];
  /** Which version of the income-type code table named the incomes. */
  readonly incomeTypeTable: string;
  readonly incomeTypes: IncomeTypeTable;
  /** Who receives a request for rectification, and where. */
  readonly appealTo: { readonly authority: string; readonly address: string };
}

export interface LetterTable {
  readonly columns: ReadonlyArray<{ readonly header: string; readonly weight?: number; readonly align?: 'left' | 'right' }>;
  readonly rows: ReadonlyArray<readonly string[]>;
}

export interface LetterSection {
  readonly heading: string;
  readonly paragraphs?: readonly string[];
  readonly table?: LetterTable;
}

/** A letter's content, independent of how it is printed. */
export interface LetterContent {
  readonly language: LetterLanguage;
  readonly title: string;
  readonly recipient: readonly string[];
  readonly particulars: ReadonlyArray<readonly [string, string]>;
  readonly sections: readonly LetterSection[];
  readonly footer: string;
}

const CARE_TYPE_NAMES: Record<string, { fi: string; sv: string }> = {
  'enhanced-service-housing': { fi: 'pitkäaikainen ympärivuorokautinen palveluasuminen', sv: 'långvarigt serviceboende dygnet runt' },
  'family-care': { fi: 'pitkäaikainen perhehoito', sv: 'långvarig familjevård' },
  'institutional-care': { fi: 'pitkäaikainen laitoshoito', sv: 'långvarig institutionsvård' },
};

const RULE_NAMES: Record<IncomeRule, { fi: string; sv: string }> = {
  regular: { fi: 'säännöllinen: nykyinen kuukausimäärä', sv: 'regelbunden: nuvarande månadsbelopp' },
  'averaged-12-months': { fi: 'vaihteleva: 12 kuukauden keskiarvo', sv: 'varierande: medeltal av 12 månader' },
  'yearly-taxation': { fi: 'verotus: vuositulo ÷ 12', sv: 'beskattning: årsinkomst ÷ 12' },
  'self-reported': { fi: 'asiakkaan ilmoitus', sv: 'klientens uppgift' },
};

const SOURCE_NAMES = {
  'incomes-register': { fi: 'Tulorekisteri', sv: 'Inkomstregistret' },
  'tax-administration': { fi: 'Verohallinto', sv: 'Skatteförvaltningen' },
  'self-reported': { fi: 'Asiakkaan ilmoitus', sv: 'Klientens uppgift' },
} as const;

const month = (date: LocalDate) => `${Number(date.slice(5, 7))}/${date.slice(0, 4)}`;

/** The income type in the letter's language: the code table's name, never a code alone. */
function typeName(line: { source: IncomeLine['source']; typeCode: string; typeName: string }, table: IncomeTypeTable, language: LetterLanguage): string {
  if (line.source === 'incomes-register') {
    const type = table.find('earnings', line.typeCode) ?? table.find('benefits', line.typeCode);
    return type ? type.names[language] : `${language === 'fi' ? 'tulolaji' : 'inkomstslag'} ${line.typeCode}`;
  }
  if (line.source === 'tax-administration') {
    const capital = line.typeCode === 'capital-income';
    return language === 'fi' ? (capital ? 'Pääomatulot (verotus)' : 'Ansiotulot (verotus)') : capital ? 'Kapitalinkomster (beskattning)' : 'Förvärvsinkomster (beskattning)';
  }
  return `${line.typeName} (${language === 'fi' ? 'asiakkaan ilmoittama' : 'uppgiven av klienten'})`;
}

/** Where a figure comes from: the authority, the reports' periods and the latest report's id. */
function provenanceText(source: IncomeLine['source'], provenance: readonly Provenance[], language: LetterLanguage): string {
  const name = SOURCE_NAMES[source][language];
  if (provenance.length === 0) return name;
  const sorted = [...provenance].sort((a, b) => a.period.start.localeCompare(b.period.start));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (source === 'tax-administration') return `${name}, ${language === 'fi' ? 'verotuspäätös' : 'beskattningsbeslut'} ${last.reportId} (${last.period.start.slice(0, 4)})`;
  if (source === 'self-reported') return `${name} (${last.reportId.slice(0, 8)})`;
  const reports = language === 'fi' ? `${provenance.length} ilmoitusta` : `${provenance.length} anmälningar`;
  return `${name}: ${reports} ${month(first.period.start)}–${month(last.period.start)}, ${language === 'fi' ? 'viimeisin' : 'senaste'} ${last.reportId}`;
}

function serviceText(service: ServiceForFee, language: LetterLanguage): string {
  if (service.kind === 'fi-home-care') {
    return language === 'fi'
      ? `Jatkuva ja säännöllinen kotona annettava palvelu, ${service.hoursPerMonth} tuntia kuukaudessa`
      : `Fortlöpande och regelbunden service i hemmet, ${service.hoursPerMonth} timmar i månaden`;
  }
  const name = CARE_TYPE_NAMES[service.careType] ?? { fi: service.careType, sv: service.careType };
  return name[language];
}

const addressLines = (address: LetterAddress | null) => (address ? [address.street, `${address.postalCode} ${address.city}`] : []);

/**
 * The fee decision letter (asiakasmaksupäätös / klientavgiftsbeslut) in Finnish or Swedish: the
 * fee and its validity, the service, every income counted with its source and the rule applied,
 * the incomes left out and why, the arithmetic, the rule versions, and the appeal instructions.
 * A security ban keeps the client's address off the letter.
 */
export function feeDecisionLetter(d: FeeDecisionForLetter, language: LetterLanguage): LetterContent {
  const t = (fi: string, sv: string) => (language === 'fi' ? fi : sv);
  const e = (amount: string) => formatEuros(amount, language);
  const day = formatLetterDate;

  const recipient = [
    d.client.name,
    ...(d.client.securityBan ? [t('Turvakielto: osoitetta ei näytetä', 'Spärrmarkering: adressen visas inte')] : addressLines(d.client.address)),
    ...(d.guardian ? ['', t(`Edunvalvoja: ${d.guardian.name}`, `Intressebevakare: ${d.guardian.name}`), ...addressLines(d.guardian.address)] : []),
  ];

  const validity = d.validTo ? `${day(d.validFrom)}–${day(d.validTo)}` : t(`${day(d.validFrom)} alkaen toistaiseksi`, `från och med ${day(d.validFrom)} tills vidare`);
  const particulars: Array<readonly [string, string]> = [
    [t('Päätös', 'Beslut'), d.decisionId],
    [t('Päätöspäivä', 'Beslutsdatum'), day(d.decidedOn)],
    [t('Palvelu', 'Service'), serviceText(d.service, language)],
    [t('Maksu', 'Avgift'), t(`${e(d.fee)} kuukaudessa`, `${e(d.fee)} i månaden`)],
    [t('Voimassa', 'Giltighet'), validity],
  ];
  if (d.validTo && d.endReason) particulars.push([t('Päättymisen syy', 'Orsak till upphörande'), d.endReason]);
  if (d.household) particulars.push([t('Perheen koko', 'Hushållets storlek'), String(d.household.size)]);

  const decision: string[] = [
    d.validTo
      ? t(`Asiakasmaksunne on ${e(d.fee)} kuukaudessa ajalla ${day(d.validFrom)}–${day(d.validTo)}.`, `Er klientavgift är ${e(d.fee)} i månaden under tiden ${day(d.validFrom)}–${day(d.validTo)}.`)
      : t(`Asiakasmaksunne on ${e(d.fee)} kuukaudessa ${day(d.validFrom)} alkaen toistaiseksi.`, `Er klientavgift är ${e(d.fee)} i månaden från och med ${day(d.validFrom)} tills vidare.`),
  ];
  if (d.action === 'adjust') {
    decision.push(t(`Tulojen perusteella laskettu maksu on ${e(d.proposedFee)}. Päättäjä on poikennut siitä: ${d.reason ?? ''}`, `Den avgift som beräknats på inkomsterna är ${e(d.proposedFee)}. Beslutsfattaren har avvikit från den: ${d.reason ?? ''}`));
  }
  if (d.proposal.maximumFee !== null) decision.push(t('Maksu on määrätty enimmäismääräisenä.', 'Avgiften har fastställts till det högsta beloppet.'));
  decision.push(
    d.service.kind === 'fi-home-care'
      ? t('Päätöksen perusteet: laki sosiaali- ja terveydenhuollon asiakasmaksuista (734/1992) 3 § ja 10 §.', 'Grunder för beslutet: lagen om klientavgifter inom social- och hälsovården (734/1992) 3 § och 10 §.')
      : t('Päätöksen perusteet: laki sosiaali- ja terveydenhuollon asiakasmaksuista (734/1992) 7 c §, 10 § ja 10 c §.', 'Grunder för beslutet: lagen om klientavgifter inom social- och hälsovården (734/1992) 7 c §, 10 § och 10 c §.'),
  );

  const people: Array<[string, PersonIncomeSummary]> = [[t('Asiakas', 'Klient'), d.incomes.client]];
  if (d.incomes.spouse) people.push([t('Puoliso', 'Make'), d.incomes.spouse]);
  const incomeRows = people.flatMap(([who, summary]) =>
    summary.lines.map((line) => [who, typeName(line, d.incomeTypes, language), provenanceText(line.source, line.provenance, language), RULE_NAMES[line.rule][language], e(line.grossMonthly), e(line.netMonthly)]),
  );
  const totals = people.map(([who, summary]) => [who, t('Yhteensä', 'Sammanlagt'), '', '', e(summary.grossMonthly), e(summary.netMonthly)]);
  const excludedRows = people.flatMap(([who, summary]) => summary.excluded.map((x) => [who, typeName(x, d.incomeTypes, language), e(x.grossMonthly), x.reason]));

  const sections: LetterSection[] = [
    { heading: t('Päätös', 'Beslut'), paragraphs: decision },
    {
      heading: t('Tulot, joiden perusteella maksu on määrätty (€ kuukaudessa)', 'Inkomster som avgiften grundar sig på (€ i månaden)'),
      paragraphs: [
        t(
          `Tulot on selvitetty ${month(d.incomes.client.window.from + '-01')}–${month(d.incomes.client.window.to + '-01')} ajalta. Vaihtelevat tulot on laskettu 12 kuukauden keskiarvona (734/1992 10 §).`,
          `Inkomsterna har utretts för tiden ${month(d.incomes.client.window.from + '-01')}–${month(d.incomes.client.window.to + '-01')}. Varierande inkomster har räknats som medeltal av 12 månader (734/1992 10 §).`,
        ),
      ],
      table:
        incomeRows.length > 0
          ? {
              columns: [
                { header: t('Henkilö', 'Person'), weight: 1 },
                { header: t('Tulolaji', 'Inkomstslag'), weight: 2 },
                { header: t('Lähde', 'Källa'), weight: 3 },
                { header: t('Laskentatapa', 'Beräkningssätt'), weight: 2 },
                { header: t('Brutto', 'Brutto'), weight: 1.2, align: 'right' },
                { header: t('Netto', 'Netto'), weight: 1.2, align: 'right' },
              ],
              rows: [...incomeRows, ...totals],
            }
          : undefined,
    },
  ];
  if (incomeRows.length === 0) sections[1] = { ...sections[1], paragraphs: [t('Tuloja ei ole tiedossa.', 'Inga inkomster är kända.')] };
  if (excludedRows.length > 0) {
    sections.push({
      heading: t('Tulot, joita ei oteta huomioon', 'Inkomster som inte beaktas'),
      table: {
        columns: [
          { header: t('Henkilö', 'Person'), weight: 1 },
          { header: t('Tulolaji', 'Inkomstslag'), weight: 2 },
          { header: t('€ kuukaudessa', '€ i månaden'), weight: 1.2, align: 'right' },
          { header: t('Syy', 'Orsak'), weight: 4 },
        ],
        rows: excludedRows,
      },
    });
  }
  sections.push({ heading: t('Maksun laskenta', 'Beräkning av avgiften'), paragraphs: decisionArithmetic(d.proposal, language) });
  sections.push({
    heading: t('Sovelletut säännöt', 'Tillämpade regler'),
    table: {
      columns: [
        { header: t('Taulukko', 'Tabell'), weight: 2 },
        { header: t('Voimassa', 'Giltighet'), weight: 1.5 },
        { header: t('Lähde', 'Källa'), weight: 4 },
      ],
      rows: [
        ...d.ruleVersions.map((r) => [r.table, `${day(r.validFrom)}–${r.validTo ? day(r.validTo) : ''}`, r.source]),
        [t('Tulolajien koodisto', 'Kodförteckning över inkomstslag'), '', d.incomeTypeTable],
      ],
    },
  });
  const appeal = appealInstructions(language, d.appealTo);
  sections.push({ heading: appeal.heading, paragraphs: appeal.paragraphs });

  return Object.freeze({
    language,
    title: t('Asiakasmaksupäätös', 'Klientavgiftsbeslut'),
    recipient,
    particulars,
    sections,
    footer: `${d.organisationName} · ${t('päätös', 'beslut')} ${d.decisionId} · ${t('päättäjä', 'beslutsfattare')} ${d.decidedBy}`,
  });
}
