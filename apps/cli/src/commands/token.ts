import { isRole, ROLES, Role } from '@clientfees/contracts';
import { mintAccessToken } from '@clientfees/platform';
import { parseOptions, requireOption, wholeNumberOption } from '../options';
import { UsageError } from '../usage-error';

export const tokenHelp = `clientfees token --roles ROLE[,ROLE…] [--sub ID] [--provider-id ID] [--ttl-seconds N]
  Mints a local access token signed with AUTH_SIGNING_KEY (development and operations only).
  Roles: ${ROLES.join(', ')}.`;

export function tokenCommand(argv: string[], env: Record<string, string | undefined>): string {
  const values = parseOptions(argv, {
    roles: { type: 'string' },
    sub: { type: 'string' },
    'provider-id': { type: 'string' },
    'ttl-seconds': { type: 'string' },
  });
  const key = env.AUTH_SIGNING_KEY;
  if (!key) throw new UsageError('AUTH_SIGNING_KEY is not set (npm start writes it to .tools/env)');
  const roles = requireOption(values, 'roles').split(',').map((r) => r.trim());
  const unknown = roles.filter((r) => !isRole(r));
  if (unknown.length > 0) throw new UsageError(`unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  try {
    return mintAccessToken(
      { sub: (values.sub as string | undefined) ?? 'cli-user', roles: roles as Role[], providerId: values['provider-id'] as string | undefined },
      key,
      wholeNumberOption(values, 'ttl-seconds', 8 * 3600, 366 * 24 * 3600),
    );
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
