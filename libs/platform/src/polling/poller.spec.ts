import type { Logger } from 'pino';
import { Poller } from './poller';

const quietLogger = () => ({ info: jest.fn(), warn: jest.fn() }) as unknown as Logger & { info: jest.Mock; warn: jest.Mock };

describe('Poller', () => {
  it('works at start and then on every interval, one run at a time, and waits for the run in flight on stop', async () => {
    jest.useFakeTimers();
    try {
      let finish: (done: number) => void = () => undefined;
      const work = jest.fn(() => new Promise<number>((resolve) => (finish = resolve)));
      const logger = quietLogger();
      const poller = new Poller({ duty: 'test duty', intervalMs: 1_000, work, logger });
      poller.start();
      expect(work).toHaveBeenCalledTimes(1);
      jest.advanceTimersByTime(3_000); // still running: the ticks skip
      expect(work).toHaveBeenCalledTimes(1);
      finish(2);
      await Promise.resolve();
      await Promise.resolve();
      await Promise.resolve();
      expect(logger.info).toHaveBeenCalledWith({ done: 2 }, 'test duty: 2 done');
      jest.advanceTimersByTime(1_000);
      expect(work).toHaveBeenCalledTimes(2);
      const stopped = poller.stop();
      let isStopped = false;
      void stopped.then(() => (isStopped = true));
      await Promise.resolve();
      expect(isStopped).toBe(false);
      finish(0);
      await stopped;
      jest.advanceTimersByTime(5_000);
      expect(work).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('logs a failed run and tries again on the next tick', async () => {
    jest.useFakeTimers();
    try {
      const work = jest.fn().mockRejectedValueOnce(new Error('database away')).mockResolvedValue(0);
      const logger = quietLogger();
      const poller = new Poller({ duty: 'test duty', intervalMs: 1_000, work, logger });
      poller.start();
      for (let i = 0; i < 5; i++) await Promise.resolve();
      expect(logger.warn).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), 'test duty: not done yet, trying again later');
      jest.advanceTimersByTime(1_000);
      expect(work).toHaveBeenCalledTimes(2);
      await poller.stop();
    } finally {
      jest.useRealTimers();
    }
  });
});
