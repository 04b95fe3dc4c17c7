import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests sent with an `Idempotency-Key` (ADR 0028), in every service's own schema: the key, who
 * sent it, a hash of what was asked, whether one of its transactions committed, and the answer
 * once there is one. A resend finds its first answer here.
 */
export class PlatformIdempotency1765400000000 implements MigrationInterface {
  name = 'PlatformIdempotency1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotent_request (
        caller text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        committed boolean NOT NULL DEFAULT false,
        status integer,
        response jsonb,
        answered_at timestamptz,
        PRIMARY KEY (caller, key)
      )`);
    await db.query(`CREATE INDEX idempotent_request_answered_at ON idempotent_request (answered_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotent_request`);
  }
}
