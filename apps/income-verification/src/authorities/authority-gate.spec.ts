import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthorityGate } from './authority-gate';
import { AuthorityUnavailable, authorityEndpointsFromEnv, callAuthority } from './authority-http';

/** A call that ends when the test says so, recording when it started. */
function controlledCall(started: string[], name: string) {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return {
    call: () => {
      started.push(name);
      return done;
    },
    finish: () => finish(name),
    fail: (error: Error) => fail(error),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AuthorityGate', () => {
  it('holds the limit under many concurrent callers and lets every call through in the end', async () => {
    const gate = new AuthorityGate('tax administration', 4);
    let inFlight = 0;
    let most = 0;
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        gate.run(async () => {
          inFlight++;
          most = Math.max(most, inFlight);
          await new Promise((resolve) => setTimeout(resolve, i % 3));
          inFlight--;
          return i;
        }),
      ),
    );
    expect(most).toBe(4);
    expect(results).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(gate.inFlight).toBe(0);
    expect(gate.queued).toBe(0);
  });

  it('gives free slots in the order the callers came (FIFO), also to calls arriving while others wait', async () => {
    const gate = new AuthorityGate('Incomes Register', 2);
    const started: string[] = [];
    const calls = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((n) => [n, controlledCall(started, n)]));
    const runs = ['a', 'b', 'c', 'd'].map((n) => gate.run(calls[n].call));
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect(gate.queued).toBe(2);
    calls.b.finish();
    await tick();
    // A newcomer does not overtake the queue even when it arrives as a slot frees.
    const late = gate.run(calls.e.call);
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    calls.a.finish();
    await tick();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    calls.c.finish();
    await tick();
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
    calls.d.finish();
    calls.e.finish();
    await expect(Promise.all([...runs, late])).resolves.toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(gate.inFlight).toBe(0);
  });

  it('frees the slot when the call fails, and passes the error on', async () => {
    const gate = new AuthorityGate('population register', 1);
    const started: string[] = [];
    const failing = controlledCall(started, 'failing');
    const next = controlledCall(started, 'next');
    const first = gate.run(failing.call);
    const second = gate.run(next.call);
    await tick();
    expect(started).toEqual(['failing']);
    failing.fail(new AuthorityUnavailable('the register answered 503'));
    await expect(first).rejects.toThrow('the register answered 503');
    await tick();
    expect(started).toEqual(['failing', 'next']);
    next.finish();
    await expect(second).resolves.toBe('next');
    await expect(gate.run(() => Promise.reject(new Error('thrown at once')))).rejects.toThrow('thrown at once');
    expect(gate.inFlight).toBe(0);
  });

  it('lets an aborted caller leave the queue without taking a slot', async () => {
    const gate = new AuthorityGate('tax administration', 1);
    const started: string[] = [];
    const holding = controlledCall(started, 'holding');
    const cancelled = controlledCall(started, 'cancelled');
    const after = controlledCall(started, 'after');
    const controller = new AbortController();
    const first = gate.run(holding.call);
    const second = gate.run(cancelled.call, controller.signal);
    const third = gate.run(after.call);
    await tick();
    expect(gate.queued).toBe(2);
    controller.abort(new Error('activity cancelled'));
    await expect(second).rejects.toThrow('activity cancelled');
    expect(gate.queued).toBe(1);
    holding.finish();
    await first;
    await tick();
    expect(started).toEqual(['holding', 'after']);
    after.finish();
    await third;
    expect(gate.inFlight).toBe(0);
    await expect(gate.run(after.call, controller.signal)).rejects.toThrow('activity cancelled');
    expect(gate.inFlight).toBe(0);
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => new AuthorityGate('tax administration', 0)).toThrow(/positive whole number/);
    expect(() => new AuthorityGate('tax administration', 1.5)).toThrow(/positive whole number/);
  });
});

describe('callAuthority through the gate', () => {
  let server: http.Server;
  let url: string;
  let inFlight = 0;
  let most = 0;
  const hang = new Set<http.ServerResponse>();

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      inFlight++;
      most = Math.max(most, inFlight);
      response.on('close', () => inFlight--);
      if (request.url?.endsWith('/hang')) return void hang.add(response);
      if (request.url?.endsWith('/fail')) return void setTimeout(() => response.writeHead(503).end('down'), 5);
      setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{"taxationDecisions":[]}'), 10);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    for (const response of hang) response.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    most = 0;
  });

  it('keeps the calls an authority sees in flight within its limit, shared by the population register and its change feed', async () => {
    const endpoints = authorityEndpointsFromEnv({ AUTHORITY_SIM_URL: url, POPULATION_REGISTER_CONCURRENCY: '3', POPULATION_CHANGES_URL: url, POPULATION_REGISTER_URL: url });
    expect(endpoints.populationChanges.gate).toBe(endpoints.populationRegister.gate);
    const calls = Array.from({ length: 30 }, (_, i) => callAuthority(i % 2 ? endpoints.populationRegister : endpoints.populationChanges, i % 5 === 0 ? 'fail' : 'ok', { method: 'GET' }));
    const outcomes = await Promise.allSettled(calls);
    expect(most).toBe(3);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(6);
    expect(outcomes.filter((o) => o.status === 'rejected').every((o) => (o as PromiseRejectedResult).reason instanceof AuthorityUnavailable)).toBe(true);
    expect(endpoints.populationRegister.gate.inFlight).toBe(0);
  });

  it('frees the slot when the authority does not answer in time', async () => {
    const endpoints = authorityEndpointsFromEnv({ TAX_ADMINISTRATION_URL: url, TAX_ADMINISTRATION_CONCURRENCY: '1', TAX_ADMINISTRATION_TIMEOUT_MS: '50' });
    await expect(callAuthority(endpoints.taxAdministration, 'hang', { method: 'GET' })).rejects.toThrow(/did not answer within 50 ms/);
    expect(endpoints.taxAdministration.gate.inFlight).toBe(0);
    await expect(callAuthority(endpoints.taxAdministration, 'ok', { method: 'GET' })).resolves.toMatchObject({ status: 200 });
  });

  it('frees the slot when the activity is cancelled while the call is in flight', async () => {
    const endpoints = authorityEndpointsFromEnv({ TAX_ADMINISTRATION_URL: url, TAX_ADMINISTRATION_CONCURRENCY: '1' });
    const controller = new AbortController();
    const call = callAuthority(endpoints.taxAdministration, 'hang', { method: 'GET', signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(endpoints.taxAdministration.gate.inFlight).toBe(1);
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(AuthorityUnavailable);
    expect(endpoints.taxAdministration.gate.inFlight).toBe(0);
  });

  it('reads the activities per call from the environment and refuses nonsense', () => {
    expect(authorityEndpointsFromEnv({}).activitiesPerCall).toBe(3);
    expect(authorityEndpointsFromEnv({ AUTHORITY_ACTIVITIES_PER_CALL: '1' }).activitiesPerCall).toBe(1);
    expect(() => authorityEndpointsFromEnv({ AUTHORITY_ACTIVITIES_PER_CALL: 'many' })).toThrow(/AUTHORITY_ACTIVITIES_PER_CALL must be a positive whole number/);
  });
});
