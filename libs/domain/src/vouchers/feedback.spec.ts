import { feedbackAnswerRefusal, feedbackNeedsAnswer } from './feedback';

describe('feedback and its answer (seed 003 §4.4)', () => {
  it('always needs an answer to a reclamation, to other feedback when asked', () => {
    expect(feedbackNeedsAnswer('reclamation', false)).toBe(true);
    expect(feedbackNeedsAnswer('complaint', false)).toBe(false);
    expect(feedbackNeedsAnswer('thanks', true)).toBe(true);
  });

  it('takes one answer only', () => {
    expect(feedbackAnswerRefusal({ answeredAt: null }, 'We have changed the evening shift.')).toBeUndefined();
    expect(feedbackAnswerRefusal({ answeredAt: '2016-03-02T10:00:00Z' }, 'Again')).toEqual({ kind: 'state', reason: 'the feedback has been answered; an answer is given once only' });
    expect(feedbackAnswerRefusal({ answeredAt: null }, '  ')?.kind).toBe('rule');
  });
});
