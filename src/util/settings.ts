import { NON_SERVICE_ROLES, type NonServiceRole } from '../analysis/file-role.js';

/**
 * The plugin's shared settings, read from ESLint's `settings.stateless`:
 *
 * ```js
 * { settings: { stateless: { checkRoles: ['browser'] } } }
 * ```
 *
 * `checkRoles` lists the file roles that every rule checks beside service code. Listing all five
 * switches role detection off.
 */
export interface StatelessSettings {
  readonly checkRoles: ReadonlySet<NonServiceRole>;
}

const SETTING = 'settings.stateless.checkRoles';

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
}

/**
 * Settings have no schema in ESLint, so they are checked here; a wrong value throws with a message
 * that names the setting and the accepted values rather than silently checking too little.
 */
export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): StatelessSettings {
  const own = settings?.stateless;
  if (own === undefined) return { checkRoles: new Set() };
  if (own === null || typeof own !== 'object' || Array.isArray(own)) {
    throw new TypeError(`eslint-plugin-stateless: settings.stateless must be an object, got ${describe(own)}`);
  }
  const checkRoles = (own as Record<string, unknown>).checkRoles;
  if (checkRoles === undefined) return { checkRoles: new Set() };
  if (!Array.isArray(checkRoles)) {
    throw new TypeError(`eslint-plugin-stateless: ${SETTING} must be an array of file roles (${NON_SERVICE_ROLES.join(', ')}), got ${describe(checkRoles)}`);
  }
  for (const role of checkRoles) {
    if (!NON_SERVICE_ROLES.includes(role as NonServiceRole)) {
      throw new TypeError(`eslint-plugin-stateless: ${SETTING} has the unknown role ${describe(role)}; the roles are ${NON_SERVICE_ROLES.join(', ')}`);
    }
  }
  return { checkRoles: new Set(checkRoles as NonServiceRole[]) };
}
