/**
 * The roles of the people and systems that use clientfees (docs/domain.md §1, seeds 000 and 004).
 * A token names the roles its holder acts in; `ACCESS_MATRIX` says what each may do. The list
 * lives in the pure domain so that the rules and the workflow validators decide on the same
 * names the routes check (libs/contracts re-exports it for the token claims).
 */
export const ROLES = [
  'client-fee-officer', // asiakasmaksutiimi, viranhaltija / avgiftshandläggare
  'billing-supervisor', // laskutuspalveluiden esimies / debiteringen, chef
  'result-area-director', // tulosalueen johtaja / verksamhetschef
  'finance-centre', // talouspalvelukeskus / ekonomikontoret
  'caseworker', // sosiaalityöntekijä / biståndshandläggare, LSS-handläggare
  'unit-manager', // yksikön esimies / enhetschef
  'service-provider', // palveluntuottaja / utförare
  'collection-agency', // perintätoimisto / inkassobolag
  'administrator', // maintains organisations and rule tables
  'debt-adviser', // velkaneuvoja, kuolinpesäselvittäjä / budget- och skuldrådgivare, dödsboutredare (seed 004): estates, debt restructurings
  'deputy-head-of-social-services', // apulaissosiaalijohtaja / biträdande socialchef (seed 004): told when a client's debts grow
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * What a role's reach is bound to within an organisation: the whole organisation, the unit
 * manager's debiting areas (laskutusalue / debiteringsområde), or the provider user's company.
 */
export type RoleReach = 'organisation' | 'debiting-area' | 'provider';

export interface RoleDescription {
  readonly fi: string;
  readonly sv: string;
  readonly reach: RoleReach;
}

export const ROLE_DESCRIPTIONS: Readonly<Record<Role, RoleDescription>> = Object.freeze({
  'client-fee-officer': { fi: 'asiakasmaksutiimi / viranhaltija', sv: 'avgiftshandläggare', reach: 'organisation' },
  'billing-supervisor': { fi: 'laskutuspalveluiden esimies', sv: 'debiteringen, chef', reach: 'organisation' },
  'result-area-director': { fi: 'tulosalueen johtaja', sv: 'verksamhetschef', reach: 'organisation' },
  'finance-centre': { fi: 'talouspalvelukeskus', sv: 'ekonomikontoret', reach: 'organisation' },
  caseworker: { fi: 'sosiaalityöntekijä', sv: 'biståndshandläggare', reach: 'organisation' },
  'unit-manager': { fi: 'yksikön esimies', sv: 'enhetschef', reach: 'debiting-area' },
  'service-provider': { fi: 'palveluntuottaja', sv: 'utförare', reach: 'provider' },
  'collection-agency': { fi: 'perintätoimisto', sv: 'inkassobolag', reach: 'organisation' },
  administrator: { fi: 'pääkäyttäjä', sv: 'systemförvaltare', reach: 'organisation' },
  'debt-adviser': { fi: 'velkaneuvoja / kuolinpesäselvittäjä', sv: 'budget- och skuldrådgivare / dödsboutredare', reach: 'organisation' },
  'deputy-head-of-social-services': { fi: 'apulaissosiaalijohtaja', sv: 'biträdande socialchef', reach: 'organisation' },
});

/**
 * Seniority among the roles that decide money matters: when a person holds several roles that
 * may take the same action, they act in the most senior one (its limits are the widest). Roles
 * not listed never out-rank a listed one.
 */
export const ROLE_SENIORITY: readonly Role[] = Object.freeze([
  'deputy-head-of-social-services',
  'result-area-director',
  'billing-supervisor',
  'client-fee-officer',
  'debt-adviser',
  'finance-centre',
  'unit-manager',
  'caseworker',
  'administrator',
  'collection-agency',
  'service-provider',
]);
