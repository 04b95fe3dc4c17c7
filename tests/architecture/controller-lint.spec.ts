import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * ADR 0003: controllers are thin and never touch TypeORM or its DataSource. The rule lives in
 * eslint.config.mjs; these specs lint source text as if it were a controller (and, to show the
 * rule is about controllers, as a queries module) with the repository's own configuration.
 */

const root = path.resolve(__dirname, '..', '..');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

function lintAs(file: string, source: string): LintMessage[] {
  const eslint = spawnSync(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', file], {
    cwd: root,
    input: source,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (eslint.status !== 0 && eslint.status !== 1) throw new Error(`eslint failed (${eslint.status}): ${eslint.stderr}`);
  const [result] = JSON.parse(eslint.stdout) as Array<{ messages: LintMessage[] }>;
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax');
}

const CONTROLLER = 'apps/invoicing/src/invoices/lint-probe.controller.ts';
const QUERIES = 'apps/invoicing/src/invoices/lint-probe.queries.ts';

const withDataSource = `import { DataSource } from 'typeorm';

export class ProbeController {
  constructor(private readonly sql: DataSource) {}

  list(): Promise<unknown[]> {
    return this.sql.query('SELECT 1');
  }
}
`;

const withNestTypeorm = `import { InjectDataSource } from '@nestjs/typeorm';

export const probe = InjectDataSource;
`;

const thin = `import { Database } from '@clientfees/platform';

export class ProbeController {
  constructor(private readonly db: Database) {}
}
`;

describe('ESLint keeps TypeORM and the DataSource out of controllers (ADR 0003)', () => {
  it('refuses a controller that imports typeorm and injects the DataSource', () => {
    const messages = lintAs(CONTROLLER, withDataSource);
    expect(messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['no-restricted-imports', 'no-restricted-syntax']));
    expect(messages.find((m) => m.ruleId === 'no-restricted-imports')?.message).toMatch(/Controllers never touch TypeORM/);
    expect(messages.find((m) => m.ruleId === 'no-restricted-syntax')?.message).toMatch(/Controllers never see the DataSource/);
  });

  it('refuses @nestjs/typeorm in a controller', () => {
    expect(lintAs(CONTROLLER, withNestTypeorm).map((m) => m.ruleId)).toContain('no-restricted-imports');
  });

  it('lets a controller use the platform’s Database, and a non-controller file is not bound by the rule', () => {
    expect(lintAs(CONTROLLER, thin)).toEqual([]);
    expect(lintAs(QUERIES, withDataSource)).toEqual([]);
  });
});
