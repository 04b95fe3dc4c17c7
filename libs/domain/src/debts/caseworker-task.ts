/**
 * The caseworker's part of a debt case (seed 004, "Biståndshandläggare samt LSS handläggare"):
 * contact the client after the fee officer's signal and offer support (the checklist of support
 * for managing money), and in individual cases report the need of a guardian (förvaltare /
 * edunvalvoja) to the guardianship authority (Överförmyndare / Digi- ja väestötietovirasto).
 * Each step is recorded with its outcome; the task is done when every step has one.
 */
export const CASEWORKER_STEP_OUTCOMES = {
  contact: ['reached', 'not-reached'],
  support: ['accepted', 'declined', 'not-needed'],
  guardianship: ['reported', 'considered-not-needed', 'already-has-guardian'],
} as const;

export type CaseworkerStep = keyof typeof CASEWORKER_STEP_OUTCOMES;
export const CASEWORKER_STEPS = Object.keys(CASEWORKER_STEP_OUTCOMES) as CaseworkerStep[];

export function isCaseworkerStep(value: unknown): value is CaseworkerStep {
  return typeof value === 'string' && (CASEWORKER_STEPS as string[]).includes(value);
}

/** The first problem with a recorded step as `{ field, reason }`, or undefined. */
export function caseworkerStepProblem(step: string, outcome: string, note: string | undefined): { field: string; reason: string } | undefined {
  if (!isCaseworkerStep(step)) return { field: 'step', reason: `is one of ${CASEWORKER_STEPS.join(', ')}` };
  const outcomes: readonly string[] = CASEWORKER_STEP_OUTCOMES[step];
  if (!outcomes.includes(outcome)) return { field: 'outcome', reason: `a ${step} step ends ${outcomes.join(', ')}` };
  // A report to the guardianship authority is a decision about the client: say why.
  if (step === 'guardianship' && outcome === 'reported' && !note?.trim()) return { field: 'note', reason: 'say why the client needs a guardian' };
  return undefined;
}

/**
 * Done when each step has an outcome, and the latest contact reached the client: a client not
 * reached is tried again, so that support is really offered.
 */
export function caseworkerTaskDone(recorded: ReadonlyArray<{ step: string; outcome: string }>): boolean {
  const latest = new Map<string, string>();
  for (const entry of recorded) latest.set(entry.step, entry.outcome);
  return CASEWORKER_STEPS.every((step) => latest.has(step)) && latest.get('contact') === 'reached';
}
