import { DatedTable, validateDatedTable } from '../rule-tables/dated-table';

/** Euros a month for households of 1 … 6 persons, and the addition for each further person. */
export interface HomeCareIncomeLimits {
  readonly bySize: readonly [string, string, string, string, string, string];
  readonly eachFurtherPerson: string;
}

/**
 * Percent for households of 1, 2, 3, 4, 5 and 6+ persons at `hours` service hours a month. The
 * first row also covers fewer hours, the last row also more.
 */
export interface HomeCarePercentageRow {
  readonly hours: number;
  readonly percentages: readonly [string, string, string, string, string, string];
}

export interface HomeCarePercentageTable {
  readonly rows: readonly HomeCarePercentageRow[];
}

const ACT = 'Act 734/1992 (asiakasmaksulaki) § 10 c as amended by 1201/2020, in force 1.7.2021';
// asiakasmaksulaki § 14 b: the income limits follow työeläkeindeksi every other year, rounded to
// whole euros; the Ministry of Social Affairs and Health (STM) publishes them in November.

/**
 * Tulorajat (income limits) for continuous and regular home care and the housing services priced
 * the same way, by household size 1–6 and for each further person, from the reform of 1.7.2021.
 */
export const FI_HOME_CARE_INCOME_LIMITS: DatedTable<HomeCareIncomeLimits> = validateDatedTable([
  {
    validFrom: '2021-07-01',
    validTo: '2021-12-31',
    status: 'check',
    source: `${ACT} (the Act's own figures); as published by Kuntaliitto ("Kotihoidon maksut": "Tulorajat ovat 1.7.2021 alkaen …", +350 € for each further person), not yet compared with the Finlex text`,
    value: { bySize: ['588', '1084', '1701', '2103', '2546', '2924'], eachFurtherPerson: '350' },
  },
  {
    validFrom: '2022-01-01',
    validTo: '2023-12-31',
    status: 'check',
    source: `${ACT}; index review 1.1.2022, STM ilmoitus 932/2021 (11.11.2021) item 6; figures as published by Sotesi ("Sosiaalipalveluiden asiakasmaksut 2022") and Kanta-Häme ("Kotihoidon maksut 1.1.2022 alkaen"), +356 € for each further person; the notice's own table was not readable here`,
    value: { bySize: ['598', '1103', '1731', '2140', '2591', '2976'], eachFurtherPerson: '356' },
  },
  {
    validFrom: '2024-01-01',
    validTo: '2025-12-31',
    status: 'check',
    source: `${ACT}; index review 1.1.2024 (STM notice of November 2023); figures as published by Pirkanmaa wellbeing services county (pirha.fi), the notice's number not on file`,
    value: { bySize: ['653', '1205', '1891', '2338', '2830', '3251'], eachFurtherPerson: '389' },
  },
  {
    validFrom: '2026-01-01',
    validTo: null,
    status: 'estimate',
    source: `${ACT}; index review 1.1.2026 (+6.93 %, confirmed by Pohde's release of 30.12.2025): estimate, the 2024-2025 limits × 1.0693 rounded to whole euros, because the STM notice's figures are not on file. The two-person limit sits on a rounding edge (1 205 × 1.0693 = 1 288.51 → 1 289): enter the published figures`,
    value: { bySize: ['698', '1289', '2022', '2500', '3026', '3476'], eachFurtherPerson: '416' },
  },
]);

type Six = readonly [string, string, string, string, string, string];
const row = (hours: number, ...percentages: Six): HomeCarePercentageRow => Object.freeze({ hours, percentages: Object.freeze(percentages) as Six });

/**
 * Maksuprosentit: the statutory maximum percentages, one row per whole service hour a month
 * (§ 10 c). Linear interpolation between the rows ≤ 4, 10, 20, 24 and ≥ 38 does not reproduce
 * the statute (it gives 9.5 % at 5 h for one person where the Act has 10 %), so the full table is
 * shipped, transcribed from a county's publication and compared row by row with two others.
 */
export const FI_HOME_CARE_PERCENTAGES: DatedTable<HomeCarePercentageTable> = validateDatedTable([
  {
    validFrom: '2021-07-01',
    validTo: null,
    status: 'check',
    source: `${ACT}, statutory maximum percentages; every hourly row transcribed from Päijät-Häme wellbeing services county's published table (phhyky.fi, "Säännöllisen kotihoidon asiakasmaksut") and agreeing with Sotesi's 2022 and Kanta-Häme's 2022 tables (rows 4–28 h compared); not yet compared with the Finlex text`,
    value: Object.freeze({
      rows: Object.freeze([
        row(4, '8', '7', '6', '6', '6', '6'),
        row(5, '10', '8.75', '7.5', '7.5', '7.5', '7.5'),
        row(6, '12', '10.5', '9', '9', '9', '9'),
        row(7, '14', '12.25', '10.5', '10.5', '10.5', '10.5'),
        row(8, '16', '14', '12', '12', '12', '12'),
        row(9, '17', '14.75', '12.5', '12.5', '12.5', '12'),
        row(10, '18', '15.5', '13', '13', '13', '12'),
        row(11, '19', '16.25', '13.5', '13.5', '13.5', '12'),
        row(12, '20', '17', '14', '14', '14', '12'),
        row(13, '21', '17.75', '14.5', '14.5', '14', '12'),
        row(14, '22', '18.5', '15', '15', '14', '12'),
        row(15, '23', '19.25', '15.5', '15.5', '14', '12'),
        row(16, '24', '20', '16', '16', '14', '12'),
        row(17, '24.5', '20.5', '16.5', '16', '14', '12'),
        row(18, '25', '21', '17', '16', '14', '12'),
        row(19, '25.5', '21.5', '17.5', '16', '14', '12'),
        row(20, '26', '22', '18', '16', '14', '12'),
        row(21, '26.5', '22.5', '18.5', '16', '14', '12'),
        row(22, '27', '23', '19', '16', '14', '12'),
        row(23, '27.5', '23.5', '19', '16', '14', '12'),
        row(24, '28', '24', '19', '16', '14', '12'),
        row(25, '28.5', '24', '19', '16', '14', '12'),
        row(26, '29', '24', '19', '16', '14', '12'),
        row(27, '29.5', '24', '19', '16', '14', '12'),
        row(28, '30', '24', '19', '16', '14', '12'),
        row(29, '30.5', '24', '19', '16', '14', '12'),
        row(30, '31', '24', '19', '16', '14', '12'),
        row(31, '31.5', '24', '19', '16', '14', '12'),
        row(32, '32', '24', '19', '16', '14', '12'),
        row(33, '32.5', '24', '19', '16', '14', '12'),
        row(34, '33', '24', '19', '16', '14', '12'),
        row(35, '33.5', '24', '19', '16', '14', '12'),
        row(36, '34', '24', '19', '16', '14', '12'),
        row(37, '34.5', '24', '19', '16', '14', '12'),
        row(38, '35', '24', '19', '16', '14', '12'),
      ]),
    }),
  },
]);
