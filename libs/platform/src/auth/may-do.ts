import { applyDecorators, SetMetadata } from '@nestjs/common';
import { Action, whoMay } from '@clientfees/domain';
import { ROLES_KEY } from './roles.guard';

export const ACTION_KEY = 'clientfees:action';

/**
 * Declares the action a route takes: its roles come from the role × action matrix
 * (`libs/domain/src/access`), and the audit log names the action. Use it instead of listing
 * roles by hand, so the route, the workflow validators and docs/security.md cannot disagree.
 */
export const MayDo = (action: Action) => applyDecorators(SetMetadata(ROLES_KEY, whoMay(action)), SetMetadata(ACTION_KEY, action));
