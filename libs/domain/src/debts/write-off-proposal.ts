import type { Currency } from '../money/currency';
import { Money } from '../money/money';
import { BILLING_SUPERVISOR, RESULT_AREA_DIRECTOR } from '../lifecycle/roles';
import type { WriteOffGround } from '../lifecycle/write-off';
import { whoMay } from '../access/matrix';

/**
 * Write-off proposals (avskrivningsunderlag / luottotappioesitys), seed 004: the finance office
 * prepares the documentation from the ledger and sends it "till respektive chef för påskrift";
 * only a signed proposal writes the invoices off.
 */
export const WRITE_OFF_PROPOSAL_GROUNDS = [
  'estate-without-assets', // varaton kuolinpesä / dödsbo utan tillgångar (or a dödsboanmälan)
  'debt-restructuring', // velkajärjestely / skuldsanering: the rest, five years after it takes effect
  'limitation', // vanhentuminen / preskription: the claim is past its limitation (five years, issue 13)
  'uneconomic', // collecting costs more than it brings
  'other',
] as const;
export type WriteOffProposalGround = (typeof WRITE_OFF_PROPOSAL_GROUNDS)[number];

export function isWriteOffProposalGround(value: unknown): value is WriteOffProposalGround {
  return typeof value === 'string' && (WRITE_OFF_PROPOSAL_GROUNDS as readonly string[]).includes(value);
}

/** The grounds the invoice's lifecycle records for the write-off a signed proposal makes. */
export function lifecycleWriteOffGround(ground: WriteOffProposalGround): WriteOffGround {
  switch (ground) {
    case 'estate-without-assets':
      return 'estate-without-assets';
    case 'debt-restructuring':
      return 'debt-restructuring';
    case 'limitation':
      return 'statute-barred';
    case 'uneconomic':
      return 'below-collection-threshold';
    case 'other':
      return 'uncollectable';
  }
}

/** The first problem with a proposal being prepared as `{ field, reason }`, or undefined. */
export function writeOffProposalProblem(proposal: { grounds: string; note: string }): { field: string; reason: string } | undefined {
  if (!isWriteOffProposalGround(proposal.grounds)) return { field: 'grounds', reason: `is one of ${WRITE_OFF_PROPOSAL_GROUNDS.join(', ')}` };
  if (!proposal.note?.trim()) return { field: 'note', reason: 'explain the proposal for the manager who signs it' };
  return undefined;
}

/**
 * Who may sign and up to what amount, per organisation: the responsible managers are the billing
 * supervisor and the result-area director (the roles that decide write-offs, domain.md §1), each
 * up to its limit (`maxCents` null: no limit).
 */
export interface SigningLimit {
  readonly role: string;
  readonly maxCents: number | null;
}

/** Until an organisation sets its own: the billing supervisor up to 5,000.00, the director without a limit. */
export const DEFAULT_SIGNING_LIMITS: readonly SigningLimit[] = [
  { role: BILLING_SUPERVISOR, maxCents: 500_000 },
  { role: RESULT_AREA_DIRECTOR, maxCents: null },
];

/** The roles that sign write-off proposals (the role × action matrix). */
export const SIGNER_ROLES: readonly string[] = whoMay('write-off-proposal.sign');

/** The first problem with an organisation's signing limits, or undefined. */
export function signingLimitsProblem(limits: readonly SigningLimit[]): { field: string; reason: string } | undefined {
  if (limits.length === 0) return { field: 'signingLimits', reason: 'name at least one role that signs write-offs' };
  const seen = new Set<string>();
  for (const [index, limit] of limits.entries()) {
    if (!(SIGNER_ROLES as readonly string[]).includes(limit.role)) return { field: `signingLimits.${index}.role`, reason: `is one of ${SIGNER_ROLES.join(', ')}` };
    if (seen.has(limit.role)) return { field: `signingLimits.${index}.role`, reason: 'is named twice' };
    seen.add(limit.role);
    if (limit.maxCents !== null && !(Number.isSafeInteger(limit.maxCents) && limit.maxCents > 0)) {
      return { field: `signingLimits.${index}.maxAmount`, reason: 'is a positive amount, or null for no limit' };
    }
  }
  return undefined;
}

const covers = (limit: SigningLimit, amountCents: number) => limit.maxCents === null || amountCents <= limit.maxCents;

/** The manager a proposal of this amount goes to: the role with the lowest limit that covers it. */
export function responsibleSigner(amountCents: number, limits: readonly SigningLimit[]): string | undefined {
  return [...limits]
    .filter((limit) => covers(limit, amountCents))
    .sort((a, b) => (a.maxCents ?? Number.POSITIVE_INFINITY) - (b.maxCents ?? Number.POSITIVE_INFINITY))[0]?.role;
}

export type WriteOffProposalState = 'preparing' | 'awaiting-signature' | 'signed' | 'rejected' | 'written-off' | 'void';

export interface SignatureRequest {
  readonly state: WriteOffProposalState;
  readonly role: string;
  /** The organisations the signer acts for (the access token's). */
  readonly signerOrganisations: readonly string[];
  readonly organisationId: string;
  readonly amountCents: number;
  readonly currency: Currency;
  readonly limits: readonly SigningLimit[];
}

/**
 * Why this person may not sign (or reject) the proposal, or undefined. `rule` is the signer's
 * role, organisation or limit (400); `state` is the proposal's (409).
 */
export function signatureRefusal(request: SignatureRequest): { readonly kind: 'rule' | 'state'; readonly reason: string } | undefined {
  const limit = request.limits.find((candidate) => candidate.role === request.role);
  if (!limit) {
    const roles = request.limits.map((candidate) => candidate.role).join(' or ');
    return { kind: 'rule', reason: `a write-off proposal is signed by the responsible manager (${roles}), not ${request.role || 'someone without a role'}` };
  }
  if (!request.signerOrganisations.includes(request.organisationId)) {
    return { kind: 'rule', reason: `a manager of another organisation may not sign ${request.organisationId}’s write-offs` };
  }
  if (!covers(limit, request.amountCents)) {
    const money = (cents: number) => Money.ofMinor(cents, request.currency).toString();
    return {
      kind: 'rule',
      reason: `${request.role} signs write-offs up to ${money(limit.maxCents!)}; this proposal is ${money(request.amountCents)}: it needs ${responsibleSigner(request.amountCents, request.limits) ?? 'a manager with a higher limit'}`,
    };
  }
  if (request.state === 'preparing') return { kind: 'state', reason: 'the proposal’s documentation is still being collected from the ledger: sign it in a moment' };
  if (request.state !== 'awaiting-signature') return { kind: 'state', reason: `the proposal is already ${request.state}` };
  return undefined;
}

/** Unsigned proposals remind the responsible manager every this many days (seed 004: nothing is written off unsigned). */
export const SIGNATURE_REMINDER_DAYS = 7;
