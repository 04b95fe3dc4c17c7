import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BundleOptions } from '@temporalio/worker';

const root = path.resolve(__dirname, '..', '..');
const { compilerOptions } = JSON.parse(readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};

/** The workflow bundler does not read tsconfig paths: hand it the aliases. */
export const workflowBundleOptions: BundleOptions = {
  workflowsPath: path.join(__dirname, 'workflows', 'index.ts'),
  webpackConfigHook: (config) => {
    const aliases = Object.fromEntries(
      Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`${alias}$`, path.join(root, target)]),
    );
    config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...aliases } };
    return config;
  },
};
