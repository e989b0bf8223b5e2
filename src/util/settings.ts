import { NON_SERVICE_ROLES, type NonServiceRole } from '../analysis/file-role.js';

/**
 * The plugin's shared settings, read from ESLint's `settings.stateless`:
 *
 * ```js
 * { settings: { stateless: { checkRoles: ['browser'], requireWrappers: ['safeRequire'] } } }
 * ```
 *
 * `checkRoles` lists the file roles that every rule checks beside service code. Listing all five
 * switches role detection off. `requireWrappers` names the project's own functions that load a
 * module by name the way `require` does (`safeRequire('node-sass-middleware')`), so that the rules
 * recognise the libraries loaded through them.
 */
export interface StatelessSettings {
  readonly checkRoles: ReadonlySet<NonServiceRole>;
  readonly requireWrappers: ReadonlySet<string>;
}

const ROLES_SETTING = 'settings.stateless.checkRoles';
const WRAPPERS_SETTING = 'settings.stateless.requireWrappers';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;
const NO_SETTINGS: StatelessSettings = { checkRoles: new Set(), requireWrappers: new Set() };

function describe(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
}

function readCheckRoles(value: unknown): ReadonlySet<NonServiceRole> {
  if (value === undefined) return NO_SETTINGS.checkRoles;
  if (!Array.isArray(value)) {
    throw new TypeError(`eslint-plugin-stateless: ${ROLES_SETTING} must be an array of file roles (${NON_SERVICE_ROLES.join(', ')}), got ${describe(value)}`);
  }
  for (const role of value) {
    if (!NON_SERVICE_ROLES.includes(role as NonServiceRole)) {
      throw new TypeError(`eslint-plugin-stateless: ${ROLES_SETTING} has the unknown role ${describe(role)}; the roles are ${NON_SERVICE_ROLES.join(', ')}`);
    }
  }
  return new Set(value as NonServiceRole[]);
}

function readRequireWrappers(value: unknown): ReadonlySet<string> {
  if (value === undefined) return NO_SETTINGS.requireWrappers;
  if (!Array.isArray(value)) throw new TypeError(`eslint-plugin-stateless: ${WRAPPERS_SETTING} must be an array of function names, got ${describe(value)}`);
  for (const name of value) {
    if (typeof name !== 'string' || !IDENTIFIER.test(name) || name === 'require') {
      throw new TypeError(`eslint-plugin-stateless: ${WRAPPERS_SETTING} lists ${describe(name)}, which is not the name of a function of the project (such as 'safeRequire')`);
    }
  }
  return new Set(value as string[]);
}

/**
 * Settings have no schema in ESLint, so they are checked here; a wrong value throws with a message
 * that names the setting and the accepted values rather than silently checking too little.
 */
export function readSettings(settings: Readonly<Record<string, unknown>> | undefined): StatelessSettings {
  const own = settings?.stateless;
  if (own === undefined) return NO_SETTINGS;
  if (own === null || typeof own !== 'object' || Array.isArray(own)) {
    throw new TypeError(`eslint-plugin-stateless: settings.stateless must be an object, got ${describe(own)}`);
  }
  const { checkRoles, requireWrappers } = own as Record<string, unknown>;
  return { checkRoles: readCheckRoles(checkRoles), requireWrappers: readRequireWrappers(requireWrappers) };
}
