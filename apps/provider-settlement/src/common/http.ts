import { BadRequestException, NotFoundException } from '@nestjs/common';
import { conflict as conflictException, isExclusionViolation, isUniqueViolation, ruleRefused } from '@clientfees/platform';

/**
 * A domain refusal as HTTP: a rule refusing a well-formed request is 422 naming `rule`, the state
 * of the thing 409; both name a field.
 */
export function refuse(refusal: { kind: 'rule' | 'state'; reason: string }, field: string, rule: string): never {
  if (refusal.kind === 'state') throw conflictException(`${field}: ${refusal.reason}`, field, refusal.reason);
  throw ruleRefused(rule, refusal.reason, field);
}

/** 400: a value that is malformed or implausible for its field. */
export function badRequest(field: string, reason: string): never {
  throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `${field}: ${reason}`, problems: [{ field, reason }] });
}

export function conflict(field: string, reason: string): never {
  throw conflictException(`${field}: ${reason}`, field, reason);
}

export function notFound(what: string): never {
  throw new NotFoundException({ statusCode: 404, message: `no ${what}` });
}

/** Runs a write and answers a unique or exclusion violation as 409 with the given reason. */
export async function orConflict<T>(work: () => Promise<T>, field: string, reason: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error) || isExclusionViolation(error)) conflict(field, reason);
    throw error;
  }
}
