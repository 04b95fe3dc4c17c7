/**
 * Feedback on a provider (palaute, seed 003 §4.4): thanks, a complaint or a reclamation,
 * optionally about one service event. A reclamation always needs the provider's answer, other
 * feedback when the client asked for one; an answer is given once only.
 */
export const FEEDBACK_KINDS = ['thanks', 'complaint', 'reclamation'] as const; // kiitos, moite, reklamaatio
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** Days a reclamation may wait for its answer before the provider is reminded, and between reminders. */
export const RECLAMATION_REMINDER_DAYS = 7;

export function feedbackNeedsAnswer(kind: FeedbackKind, answerRequested: boolean): boolean {
  return kind === 'reclamation' || answerRequested;
}

/** Why the answer cannot be given, or undefined when it can. */
export function feedbackAnswerRefusal(feedback: { answeredAt: string | null }, answer: string): { kind: 'rule' | 'state'; reason: string } | undefined {
  if (feedback.answeredAt !== null) return { kind: 'state', reason: 'the feedback has been answered; an answer is given once only' };
  if (!answer?.trim()) return { kind: 'rule', reason: 'the answer must not be empty' };
  return undefined;
}
