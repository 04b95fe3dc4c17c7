import { applyDecorators } from '@nestjs/common';
import { ApiUnprocessableEntityResponse } from '@nestjs/swagger';

/** The 422 body in OpenAPI: what `ruleRefused` answers (see problems.ts). */
const RULE_REFUSAL_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'message', 'rule', 'reason', 'problems'],
  properties: {
    statusCode: { type: 'integer', enum: [422] },
    error: { type: 'string', example: 'Unprocessable Entity' },
    message: { type: 'string' },
    rule: { type: 'string', description: 'The rule that refused: a stable name such as `four-eyes`, or the decision whose rules refused (`deferDueDate`).' },
    reason: { type: 'string', description: 'Why, in words a person can act on.' },
    problems: {
      type: 'array',
      items: { type: 'object', required: ['field', 'reason'], properties: { field: { type: 'string' }, reason: { type: 'string' } } },
    },
  },
};

/**
 * Documents that a rule of the domain may refuse the route's well-formed request with 422 (ADR
 * 0033); `when` says which rules, in the words of the domain.
 */
export function ApiRuleRefusal(when: string): MethodDecorator {
  return applyDecorators(ApiUnprocessableEntityResponse({ description: `A rule refuses the request: ${when}. The body names the rule (\`rule\`), the reason and the field.`, schema: RULE_REFUSAL_SCHEMA }));
}

/** What the status codes mean, in every service's OpenAPI description (docs/conventions.md). */
export const STATUS_CODES_BY_MEANING = [
  'Status codes by meaning: 400 a malformed or implausible value (the body names the field);',
  '401/403 who may call; 404 what does not exist for the caller; 409 the state of the thing refuses',
  'the request (`currentState` names it) or an Idempotency-Key conflict; 413 a body over the route’s',
  'limit; 422 a rule of the domain refuses a well-formed request (`rule` names it); 503 a dependency',
  'does not answer (`Retry-After`).',
].join(' ');
