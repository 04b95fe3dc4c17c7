import { listActions } from './matrix';
import { Role, ROLE_DESCRIPTIONS, ROLES } from './roles';

const SHORT: Readonly<Record<Role, string>> = Object.freeze({
  'client-fee-officer': 'officer',
  'billing-supervisor': 'supervisor',
  'result-area-director': 'director',
  'finance-centre': 'finance',
  caseworker: 'caseworker',
  'unit-manager': 'unit mgr',
  'service-provider': 'provider',
  'collection-agency': 'agency',
  administrator: 'admin',
  'debt-adviser': 'debt adviser',
  'deputy-head-of-social-services': 'deputy head',
});

/**
 * The role × action matrix as Markdown: the roles with their reach, then one table per service
 * (✓ = may; ✓* = may, subject to the condition in the last column). docs/security.md carries
 * this text verbatim between its markers; a CLI test fails when the two disagree.
 */
export function renderAccessMatrix(): string {
  const lines: string[] = ['| role | FI | SV | reach |', '|---|---|---|---|'];
  for (const role of ROLES) {
    const { fi, sv, reach } = ROLE_DESCRIPTIONS[role];
    lines.push(`| \`${role}\` (${SHORT[role]}) | ${fi} | ${sv} | ${reach} |`);
  }
  const services = [...new Set(listActions().map((a) => a.service))];
  for (const service of services) {
    lines.push('', `### ${service}`, '', `| action | ${ROLES.map((r) => SHORT[r]).join(' | ')} | what, and the rule beyond the role |`);
    lines.push(`|---|${ROLES.map(() => ':-:').join('|')}|---|`);
    for (const rule of listActions().filter((a) => a.service === service)) {
      const cells = ROLES.map((role) => (rule.roles.includes(role) ? (rule.condition ? '✓*' : '✓') : ''));
      const text = rule.condition ? `${rule.what}. *${rule.condition}.*` : `${rule.what}.`;
      lines.push(`| \`${rule.action}\` | ${cells.join(' | ')} | ${text} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
