import { ConflictException, UnprocessableEntityException } from '@nestjs/common';
import type { RuleRefusal } from '@clientfees/domain';
import type { FieldProblem } from './errors';

/**
 * 409: the request is well formed but the thing it acts on is in a state that refuses it (already
 * closed, already billed, overlapping a period). Every conflict answer is built here, so the body
 * is the same everywhere: `{ statusCode, message, problems: [{ field, reason }] }`, and with
 * `currentState` when the conflict is with the state of the thing (what it is now, so the caller
 * sees why without asking again).
 */
export function conflict(message: string, field: string, reason: string = message, currentState?: string): ConflictException {
  const problems: FieldProblem[] = [{ field, reason }];
  return new ConflictException({ statusCode: 409, message, problems, ...(currentState === undefined ? {} : { currentState }) });
}

/**
 * 422: the request is well formed and its thing is in a state that could take it, but a rule of
 * the domain refuses it (four eyes, the limit of the caller's role, grounds a decision must
 * state). Every rule refusal is answered here, so the body is the same everywhere:
 * `{ statusCode, error, message, rule, reason, problems: [{ field, reason }] }`, `rule` naming the
 * rule so that a client can act on it without parsing the reason.
 */
export function ruleRefused(rule: string, reason: string, field = 'request'): UnprocessableEntityException {
  return new UnprocessableEntityException(ruleRefusalBody({ rule, reason, field }));
}

/** The body of a 422 (see `ruleRefused`). */
export function ruleRefusalBody(refusal: Pick<RuleRefusal, 'rule' | 'reason' | 'field'>): Record<string, unknown> {
  const problems: FieldProblem[] = [{ field: refusal.field, reason: refusal.reason }];
  return { statusCode: 422, error: 'Unprocessable Entity', message: refusal.reason, rule: refusal.rule, reason: refusal.reason, problems };
}
