import { yearlyReviewCandidatesUpTo, yearlyReviewDue, yearlyReviewDueDate } from './yearly-review';

describe('yearly review', () => {
  it('is due on the decision’s first anniversary, opened the lead days before it', () => {
    expect(yearlyReviewDueDate('2026-01-01')).toBe('2027-01-01');
    expect(yearlyReviewDue('2026-01-01', '2026-12-01', 30)).toBe(false);
    expect(yearlyReviewDue('2026-01-01', '2026-12-02', 30)).toBe(true);
    expect(yearlyReviewDue('2026-01-01', '2026-12-31', 0)).toBe(false);
    expect(yearlyReviewDue('2026-01-01', '2027-01-01', 0)).toBe(true);
  });

  it('takes 28 February as the anniversary of a decision that began on 29 February', () => {
    expect(yearlyReviewDueDate('2028-02-29')).toBe('2029-02-28');
    expect(yearlyReviewDue('2028-02-29', '2029-02-28', 0)).toBe(true);
    // The query's bound lets the leap-day decision through; the rule decides.
    expect(yearlyReviewCandidatesUpTo('2029-02-28', 0) >= '2028-02-29').toBe(true);
  });

  it('refuses a lead time outside 0-90 days', () => {
    expect(() => yearlyReviewDue('2026-01-01', '2026-12-01', 120)).toThrow(/leadDays/);
    expect(() => yearlyReviewDue('2026-01-01', '2026-12-01', -1)).toThrow(/leadDays/);
  });
});
