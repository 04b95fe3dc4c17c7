import type { Database, Tx } from '../database/database';
import { MalformedResourceIdError, sqlOwnerLookup, uuidOwnerLookup } from './owner-lookup';

describe('sqlOwnerLookup', () => {
  const rows: Record<string, Record<string, unknown>> = {
    '3f0c7e1a-0d5e-4b8b-9a3e-1f2d3c4b5a69': { organisation_id: 'fi-a', debiting_area: 'NORTH' },
    '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d': { organisation_id: 'fi-a', provider_id: null },
  };
  const seen: unknown[][] = [];
  const db = {
    read: <T>(work: (tx: Tx) => Promise<T>) => work({ query: async (_sql: string, params?: readonly unknown[]) => (seen.push([...(params ?? [])]), [rows[String(params?.[0])]].filter(Boolean)) } as Tx),
  } as unknown as Database;

  it('answers the owner with the columns the statement gives', async () => {
    const lookup = sqlOwnerLookup(db, 'SELECT organisation_id, debiting_area FROM client WHERE id = $1');
    expect(await lookup('3f0c7e1a-0d5e-4b8b-9a3e-1f2d3c4b5a69')).toEqual({ organisationId: 'fi-a', debitingArea: 'NORTH' });
    expect(await lookup('7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d')).toEqual({ organisationId: 'fi-a', providerId: null });
    expect(await lookup('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('refuses an id that is not a UUID before asking the database', async () => {
    const before = seen.length;
    await expect(sqlOwnerLookup(db, 'SELECT 1')('not-a-uuid')).rejects.toThrow(MalformedResourceIdError);
    expect(seen.length).toBe(before);
    expect(await sqlOwnerLookup(db, 'SELECT 1', { uuid: false })('fi-a')).toBeUndefined();
  });
});

describe('uuidOwnerLookup', () => {
  it('asks its lookup only for a UUID and refuses anything else (the fuzzer’s `fuzz` id was a 500 from Postgres)', async () => {
    const asked: string[] = [];
    const lookup = uuidOwnerLookup(async (id) => (asked.push(id), { organisationId: 'fi-a' }));
    expect(await lookup('3f0c7e1a-0d5e-4b8b-9a3e-1f2d3c4b5a69')).toEqual({ organisationId: 'fi-a' });
    await expect(lookup('fuzz')).rejects.toThrow(MalformedResourceIdError);
    expect(asked).toEqual(['3f0c7e1a-0d5e-4b8b-9a3e-1f2d3c4b5a69']);
  });
});
