import { DomainValidationError, isDomainValidationError, isRuleRefusal, RuleRefusal } from './errors';

describe('DomainValidationError', () => {
  it('carries the reason and the field', () => {
    const error = new DomainValidationError('must be positive', 'amount');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainValidationError);
    expect(error.name).toBe('DomainValidationError');
    expect(error.reason).toBe('must be positive');
    expect(error.field).toBe('amount');
    expect(error.message).toBe('amount: must be positive');
  });

  it('works without a field', () => {
    const error = new DomainValidationError('rows must add up to more than zero');
    expect(error.field).toBeUndefined();
    expect(error.message).toBe('rows must add up to more than zero');
  });

  it('is recognised by shape when it comes from another copy of the module', () => {
    const foreign = Object.assign(new Error('x: y'), { name: 'DomainValidationError', reason: 'y', field: 'x' });
    expect(isDomainValidationError(foreign)).toBe(true);
    expect(isDomainValidationError(new DomainValidationError('y'))).toBe(true);
    expect(isDomainValidationError(new Error('y'))).toBe(false);
    expect(isDomainValidationError('DomainValidationError')).toBe(false);
  });
});

describe('RuleRefusal', () => {
  it('names the rule, the reason and the field, and is not a validation error', () => {
    const refusal = new RuleRefusal('four-eyes', 'u1 started the run, so another person must approve it', 'approver');
    expect(refusal).toMatchObject({ name: 'RuleRefusal', rule: 'four-eyes', field: 'approver', message: 'four-eyes: u1 started the run, so another person must approve it' });
    expect(isRuleRefusal(refusal)).toBe(true);
    expect(isDomainValidationError(refusal)).toBe(false);
    expect(isRuleRefusal(new DomainValidationError('must be positive', 'amount'))).toBe(false);
    expect(new RuleRefusal('grounds', 'a write-off needs its grounds').field).toBe('request');
  });

  it('is recognised by shape when it comes from another copy of the module', () => {
    expect(isRuleRefusal(Object.assign(new Error('r: x'), { name: 'RuleRefusal', rule: 'r', reason: 'x' }))).toBe(true);
    expect(isRuleRefusal(Object.assign(new Error('r: x'), { name: 'RuleRefusal' }))).toBe(false);
  });
});
