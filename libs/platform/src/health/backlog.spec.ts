import { judgeOutbox, judgeQueue, queueFigures } from './backlog';

describe('the backlog in health', () => {
  const NOW = Date.parse('2026-12-03T08:00:00Z');
  const at = (secondsAgo: number) => ({ lastAccessTime: { seconds: String(NOW / 1000 - secondsAgo) } });

  it('reads the pollers seen within 90 s, the backlog and its age from DescribeTaskQueue', () => {
    const answer = { pollers: [at(5), at(60), at(300)], stats: { approximateBacklogCount: '178', approximateBacklogAge: { seconds: '42', nanos: 5 } } };
    expect(queueFigures(answer, NOW)).toEqual({ pollers: 2, backlog: 178, oldestSeconds: 42 });
    expect(queueFigures({ stats: { approximateBacklogAge: {} } }, NOW)).toEqual({ pollers: 0, backlog: 0, oldestSeconds: 0 });
  });

  it('is down when tasks wait and no worker polls, whatever their age', () => {
    expect(judgeQueue('clientfees-workflows', 'workflow worker', { pollers: 0, backlog: 178, oldestSeconds: 3 }, 120)).toEqual({
      status: 'down',
      reason: '178 tasks wait and no workflow worker polls clientfees-workflows',
      taskQueue: 'clientfees-workflows',
      pollers: 0,
      backlog: 178,
      oldestSeconds: 3,
    });
  });

  it('is down when the oldest task has waited past the limit although a worker polls', () => {
    expect(judgeQueue('invoicing', 'invoicing worker', { pollers: 1, backlog: 4, oldestSeconds: 121 }, 120)).toMatchObject({
      status: 'down',
      reason: 'the oldest task on invoicing has waited 121 s (limit 120 s)',
    });
  });

  it('is up when nothing waits, even with nobody polling, and when work moves', () => {
    expect(judgeQueue('invoicing', 'invoicing worker', { pollers: 0, backlog: 0, oldestSeconds: 0 }, 120)).toMatchObject({ status: 'up', pollers: 0 });
    expect(judgeQueue('invoicing', 'invoicing worker', { pollers: 2, backlog: 30, oldestSeconds: 120 }, 120)).toMatchObject({ status: 'up', backlog: 30 });
  });

  it('judges the outbox by its oldest signal', () => {
    expect(judgeOutbox({ pending: 3, oldestSeconds: 10 }, 120)).toEqual({ status: 'up', pending: 3, oldestSeconds: 10 });
    expect(judgeOutbox({ pending: 3, oldestSeconds: 500 }, 120)).toEqual({ status: 'down', reason: '3 signals wait in the outbox, the oldest for 500 s (limit 120 s)', pending: 3, oldestSeconds: 500 });
  });
});
