import path from 'node:path';
import type { BundleOptions } from '@temporalio/worker';
import { compilerOptions } from '../../tsconfig.base.json';

const root = path.resolve(__dirname, '..', '..');

/** The workflow bundler does not read tsconfig paths: hand it the aliases. */
export const workflowBundleOptions: BundleOptions = {
  workflowsPath: path.join(__dirname, 'workflows', 'index.ts'),
  webpackConfigHook: (config) => {
    const aliases = Object.fromEntries(
      Object.entries(compilerOptions.paths as Record<string, string[]>).map(([alias, [target]]) => [`${alias}$`, path.join(root, target)]),
    );
    config.resolve = { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...aliases } };
    return config;
  },
};
