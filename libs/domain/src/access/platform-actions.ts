import type { ActionTable } from './action-rule';

/** What every service offers beside its own features (libs/platform). */
export const PLATFORM_ACTIONS = {
  'audit-log.read': {
    roles: ['administrator'],
    what: 'See a service’s audit log: who read personal data or changed what, when, with which grounds, and the values they overwrote',
  },
} as const satisfies ActionTable;
