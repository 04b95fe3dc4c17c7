import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/**
 * One line per HTTP request. The route pattern is logged rather than the raw URL so that ids in
 * paths stay out of aggregated logs; the logger redacts identity codes in anything else.
 */
export function requestLogging(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      logger.info(
        {
          method: req.method,
          route: route ? `${req.baseUrl}${route}` : req.path,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        },
        'request',
      );
    });
    next();
  };
}
