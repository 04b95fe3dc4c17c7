import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every service's evidence, in its own schema (ADR 0012):
 *
 * - `audit_log`: one entry per mutating request and per read of personal data that a law would
 *   ask about (who, when, what, on whose behalf, the outcome, the grounds given);
 * - `change_history`: the previous value and the actor of every overwrite or removal in a table
 *   that carries `keep_history()`;
 * - `refuse_history_change()`: the trigger that makes a table append-only — DELETE, TRUNCATE and
 *   any UPDATE that changes a recorded fact are refused; the columns named as the trigger's
 *   arguments are bookkeeping (a delivery note, a signal time) that may still change;
 * - `keep_history()`: the trigger that copies what an UPDATE or DELETE overwrites into
 *   `change_history`, ignoring the columns named as its arguments.
 *
 * Both history tables refuse UPDATE, DELETE and TRUNCATE for the role the service runs as.
 */
export class PlatformAudit1764800000000 implements MigrationInterface {
  name = 'PlatformAudit1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        bookkeeping text[] := CASE WHEN TG_NARGS > 0 THEN TG_ARGV ELSE '{}'::text[] END;
      BEGIN
        -- An UPDATE that leaves the recorded facts as they were (an idempotent upsert, a
        -- delivery note) passes; anything else is refused.
        IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - bookkeeping) = (to_jsonb(NEW) - bookkeeping) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% is append-only: % refused (record a correction instead)', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'restrict_violation', HINT = 'history and ledger rows are never changed or removed';
      END $$`);
    await db.query(`
      CREATE TABLE change_history (
        id bigserial PRIMARY KEY,
        changed_at timestamptz NOT NULL DEFAULT now(),
        table_name text NOT NULL,
        row_id text NOT NULL,
        operation text NOT NULL CHECK (operation IN ('UPDATE', 'DELETE')),
        -- only the columns that changed (all of them for a DELETE): before and after
        before jsonb NOT NULL,
        after jsonb,
        actor text NOT NULL,
        request_id text
      )`);
    await db.query(`CREATE INDEX change_history_by_row ON change_history (table_name, row_id, changed_at)`);
    await db.query(`CREATE INDEX change_history_by_request ON change_history (request_id) WHERE request_id IS NOT NULL`);
    await db.query(`
      CREATE FUNCTION keep_history() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ignored text[] := CASE WHEN TG_NARGS > 0 THEN TG_ARGV ELSE '{}'::text[] END;
        old_row jsonb := to_jsonb(OLD) - ignored;
        new_row jsonb;
        changed text[];
      BEGIN
        IF TG_OP = 'DELETE' THEN
          INSERT INTO change_history (table_name, row_id, operation, before, after, actor, request_id)
          VALUES (TG_TABLE_NAME, old_row ->> 'id', 'DELETE', old_row, NULL,
                  coalesce(nullif(current_setting('clientfees.actor', true), ''), 'system'),
                  nullif(current_setting('clientfees.request_id', true), ''));
          RETURN OLD;
        END IF;
        new_row := to_jsonb(NEW) - ignored;
        SELECT array_agg(key) INTO changed FROM jsonb_each(new_row) n WHERE n.value IS DISTINCT FROM old_row -> n.key;
        IF changed IS NOT NULL THEN
          INSERT INTO change_history (table_name, row_id, operation, before, after, actor, request_id)
          VALUES (TG_TABLE_NAME, old_row ->> 'id', 'UPDATE',
                  (SELECT jsonb_object_agg(key, value) FROM jsonb_each(old_row) WHERE key = ANY (changed)),
                  (SELECT jsonb_object_agg(key, value) FROM jsonb_each(new_row) WHERE key = ANY (changed)),
                  coalesce(nullif(current_setting('clientfees.actor', true), ''), 'system'),
                  nullif(current_setting('clientfees.request_id', true), ''));
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        request_id text NOT NULL,
        actor text NOT NULL,
        roles text[] NOT NULL,
        -- the organisation the route acted on (its scope), when it names one
        organisation_id text,
        -- the matrix action (invoice.credit) or, for a route without one, its method and path
        action text NOT NULL,
        route text NOT NULL,
        resource_kind text,
        resource_id text,
        -- a read of personal data: what kind (identity-code, income) and how many records
        personal_data text,
        records int,
        status int NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('done', 'refused', 'failed')),
        -- the grounds the person gave (reason, grounds, note), as given
        grounds text,
        -- why the request was refused or failed
        refusal text
      )`);
    await db.query(`CREATE INDEX audit_log_by_organisation ON audit_log (organisation_id, at)`);
    await db.query(`CREATE INDEX audit_log_by_resource ON audit_log (resource_id, at) WHERE resource_id IS NOT NULL`);
    for (const table of ['audit_log', 'change_history']) {
      await db.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_history_change()`);
      await db.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_history_change()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE audit_log');
    await db.query('DROP TABLE change_history');
    await db.query('DROP FUNCTION keep_history()');
    await db.query('DROP FUNCTION refuse_history_change()');
  }
}
