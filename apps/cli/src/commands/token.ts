import { isRole, ROLES, Role } from '@clientfees/contracts';
import { mintAccessToken } from '@clientfees/platform';
import { parseOptions, requireOption, wholeNumberOption } from '../options';
import { UsageError } from '../usage-error';

export const tokenHelp = `clientfees token --roles ROLE[,ROLE…] --organisations ID[,ID…] [--debiting-areas AREA[,AREA…]] [--provider ID] [--sub ID] [--ttl-seconds N]
  Mints a local access token signed with AUTH_SIGNING_KEY (development and operations only).
  The token acts only for the organisations it names; a unit manager's debiting areas and a
  service provider's company narrow it further.
  Roles: ${ROLES.join(', ')}.`;

const ORGANISATION_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

function listOption(values: Record<string, unknown>, name: string): string[] | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  const items = String(value).split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) throw new UsageError(`--${name} must be a comma-separated list without empty items`);
  return items;
}

export function tokenCommand(argv: string[], env: Record<string, string | undefined>): string {
  const values = parseOptions(argv, {
    roles: { type: 'string' },
    organisations: { type: 'string' },
    'debiting-areas': { type: 'string' },
    provider: { type: 'string' },
    sub: { type: 'string' },
    'ttl-seconds': { type: 'string' },
  });
  const key = env.AUTH_SIGNING_KEY;
  if (!key) throw new UsageError('AUTH_SIGNING_KEY is not set (npm start writes it to .tools/env)');
  const roles = requireOption(values, 'roles').split(',').map((r) => r.trim());
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0) throw new UsageError(`unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  requireOption(values, 'organisations');
  const organisations = listOption(values, 'organisations')!;
  const odd = organisations.filter((id) => !ORGANISATION_ID.test(id));
  if (odd.length > 0) throw new UsageError(`--organisations: "${odd.join('", "')}" is not an organisation id (lower-case letters, digits and dashes)`);
  try {
    return mintAccessToken(
      {
        sub: (values.sub as string | undefined) ?? 'cli-user',
        roles: roles as Role[],
        organisations,
        debitingAreas: listOption(values, 'debiting-areas'),
        providerId: values.provider as string | undefined,
      },
      key,
      wholeNumberOption(values, 'ttl-seconds', 8 * 3600, 366 * 24 * 3600),
    );
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
