import { DomainValidationError, isDomainValidationError } from './errors';

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
