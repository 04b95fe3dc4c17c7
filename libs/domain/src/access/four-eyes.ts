/** Something a person did to the matter now being decided, which keeps them from deciding it. */
export interface PriorAct {
  /** Who did it (a token subject); an empty or missing actor binds nobody. */
  readonly actor: string | null | undefined;
  /** What they did, as it reads in the refusal: "started the billing run". */
  readonly act: string;
}

/**
 * Four eyes (neljän silmän periaate / fyraögonsprincipen): a decision that approves someone's
 * work is made by another person. Returns why `decider` may not decide, naming what they did
 * themselves, or undefined. Used for billing-run approvals (not the starter or the last editor),
 * deferral and payment-plan approvals (not the requester) and refunds (not the person who
 * recorded or allocated the payment).
 */
export function secondPersonRefusal(decider: string, decision: string, prior: readonly PriorAct[]): string | undefined {
  const own = prior.filter((p) => p.actor && p.actor === decider).map((p) => p.act);
  if (own.length === 0) return undefined;
  return `${decider} ${joinActs(own)}, so another person must ${decision}`;
}

function joinActs(acts: readonly string[]): string {
  const unique = [...new Set(acts)];
  return unique.length === 1 ? unique[0] : `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}
