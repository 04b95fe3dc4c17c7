/**
 * Roles of the people and systems that use clientfees (domain.md §1). A token carries a list of
 * them in its `roles` claim; a service-provider user is also bound to one provider.
 */
export const ROLES = [
  'client-fee-officer', // asiakasmaksutiimi / avgiftshandläggare
  'billing-supervisor', // laskutuspalveluiden esimies
  'result-area-director', // tulosalueen johtaja / verksamhetschef
  'finance-centre', // talouspalvelukeskus / ekonomikontoret
  'caseworker', // sosiaalityöntekijä / biståndshandläggare
  'unit-manager', // yksikön esimies / enhetschef
  'service-provider', // palveluntuottaja / utförare
  'collection-agency', // perintätoimisto / inkassobolag
  'administrator', // maintains organisations and rule tables
  'debt-adviser', // velkaneuvoja ja kuolinpesäselvittäjä / budget- och skuldrådgivare, dödsboutredare (seed 004): estates, debt restructurings
  'deputy-head-of-social-services', // apulaissosiaalijohtaja / biträdande socialchef (seed 004): told when a client's debts grow
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The claims clientfees reads from a bearer token. */
export interface AccessClaims {
  /** The user's or system's id; never a personal identity code. */
  sub: string;
  roles: Role[];
  /**
   * The organisations (wellbeing services counties / municipalities) the user acts for. Every
   * scoped route refuses (404) what belongs to any other.
   */
  organisations?: string[];
  /** A unit manager's debiting areas (laskutusalue / debiteringsområde); absent = not limited. */
  debitingAreas?: string[];
  /** Required when `roles` holds `service-provider`: the only provider this user may act for. */
  providerId?: string;
}
