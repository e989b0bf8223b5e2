/**
 * What the options module needs to build the ESLint options. It crosses a thread boundary: the
 * main thread encodes it into the options module's URL (query parameter `audit`), and every
 * ESLint worker imports that same URL, so it must stay plain JSON.
 */
export interface AuditParams {
  /** Absolute path of the scanned root; ESLint's `cwd`. */
  readonly root: string;
  readonly config: 'recommended' | 'strict';
  /** Rule names without the `stateless/` prefix; empty = every rule of the config. */
  readonly rules: readonly string[];
  /** Absolute path of the root's `.gitignore`, or null when there is none. */
  readonly gitignore: string | null;
  readonly concurrency: number | 'auto' | 'off';
  /**
   * How `.js`/`.jsx` files are parsed: `module` (espree) first; `commonjs` (espree) and `flow`
   * (hermes-eslint) only when re-linting files that did not parse before (see `lint.ts`).
   */
  readonly jsParser: 'module' | 'commonjs' | 'flow';
  /** Audit every file whatever its role, with none of the config's path ignores. */
  readonly allRoles: boolean;
  /** Name of the BroadcastChannel that receives one message per linted file, or null for no progress. */
  readonly progressChannel: string | null;
}

const QUERY_KEY = 'audit';

export function optionsModuleUrl(params: AuditParams): URL {
  const url = new URL('./eslint-options.js', import.meta.url);
  url.searchParams.set(QUERY_KEY, JSON.stringify(params));
  return url;
}

export function paramsFromModuleUrl(moduleUrl: string): AuditParams {
  const encoded = new URL(moduleUrl).searchParams.get(QUERY_KEY);
  if (encoded === null) {
    throw new Error(`${moduleUrl} must be imported with an "${QUERY_KEY}" query parameter`);
  }
  return JSON.parse(encoded) as AuditParams;
}
