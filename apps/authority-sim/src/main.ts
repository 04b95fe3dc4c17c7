import { DEFAULT_PORTS } from '@clientfees/contracts';
import { authoritySimOptionsFromEnv, createAuthoritySim } from './server';

/**
 * Local stand-ins for the authorities and the collection agency, on one port (3100): the
 * collection agency (docs/agency-format.md), the Incomes Register, the population register (VTJ)
 * and the tax administration (Vero) (docs/income-verification.md).
 */
const write = (entry: Record<string, unknown>) =>
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), service: 'authority-sim', ...entry })}\n`);

try {
  const port = Number(process.env.HTTP_PORT ?? DEFAULT_PORTS['authority-sim'].http);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`HTTP_PORT must be a port number, not "${process.env.HTTP_PORT}"`);
  const options = authoritySimOptionsFromEnv(process.env);
  const sim = createAuthoritySim({ ...options, log: write });
  sim.listen(port, process.env.HTTP_HOST ?? '0.0.0.0').then(
    (bound) =>
      write({
        level: 'info',
        msg: 'listening',
        port: bound,
        agencyCallbackUrl: options.agency.callback.url ?? null,
        agencyCallbackToken: options.agency.callback.token ? 'set' : 'not set',
      }),
    (error: Error) => {
      process.stderr.write(`authority-sim cannot listen on ${port}: ${error.message}\n`);
      process.exit(1);
    },
  );
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      write({ level: 'info', msg: 'shutting down', signal });
      sim.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
