// Lint: TypeScript rules plus Nx module boundaries. Tags keep the layers honest:
// domain < contracts < platform < apps; workflows see only domain and contracts.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.tools/**', '.nx/**', 'tmp/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:domain', onlyDependOnLibsWithTags: ['scope:domain'] },
            { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: ['scope:domain', 'scope:contracts'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:domain', 'scope:contracts', 'scope:platform'] },
            { sourceTag: 'scope:testing', onlyDependOnLibsWithTags: ['scope:domain', 'scope:contracts', 'scope:platform'] },
            // The worker process uses the platform's logging and the tests its helpers; workflow
            // code itself is held to @temporalio/workflow, contracts and domain by
            // no-restricted-imports below.
            { sourceTag: 'scope:workflows', onlyDependOnLibsWithTags: ['scope:domain', 'scope:contracts', 'scope:platform', 'scope:testing'] },
            { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['scope:domain', 'scope:contracts', 'scope:platform', 'scope:testing'] },
            { sourceTag: 'scope:tests', onlyDependOnLibsWithTags: ['scope:domain', 'scope:contracts', 'scope:platform', 'scope:testing', 'scope:workflows', 'scope:app'] },
          ],
        },
      ],
    },
  },
  {
    // The pure core: no framework, no I/O.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@nestjs/*', 'typeorm', 'pg', '@temporalio/*', 'node:*', 'fs', 'path', 'http', 'net'], message: 'libs/domain is pure: no framework or I/O imports.' },
      ] }],
    },
  },
  {
    // Controllers are thin (ADR 0003): they check the request, call a service (or a queries
    // function in a transaction from the platform's Database) and map the answer to a view.
    // TypeORM and its DataSource stay behind the platform.
    files: ['apps/*/src/**/*.controller.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'typeorm', message: 'Controllers never touch TypeORM: call a service, whose queries module holds the SQL (ADR 0003).' }],
        patterns: [{ group: ['typeorm/*', '@nestjs/typeorm'], message: 'Controllers never touch TypeORM: call a service, whose queries module holds the SQL (ADR 0003).' }],
      }],
      'no-restricted-syntax': ['error', { selector: "Identifier[name='DataSource']", message: 'Controllers never see the DataSource: use a service, or the platform’s Database with a queries module (ADR 0003).' }],
    },
  },
  {
    // Workflows are deterministic: only the workflow API, contracts and the pure domain — through
    // its workflow entry point, which leaves out the banking calendar (date-holidays) that would
    // otherwise be loaded into every cached workflow context (BENCHMARKS.md).
    files: ['workflows/src/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [
        { name: '@clientfees/domain', message: 'Workflow code imports @clientfees/domain/workflow: the full domain pulls date-holidays into every workflow context.' },
      ], patterns: [
        { group: ['@nestjs/*', 'typeorm', 'pg', '@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@clientfees/platform', '@clientfees/testing', 'node:*', 'fs', 'path'], message: 'Workflow code is deterministic: all I/O goes through activities.' },
      ] }],
    },
  },
];
