import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { includeIgnoreFile } from '@eslint/compat';
import type { ESLint, Linter } from 'eslint';
import plugin from '../index.js';
import type { AuditParams } from './params.js';
import { NON_SERVICE_ROLES } from '../analysis/file-role.js';
import { AUDIT_PLUGIN, createAuditPlugin, PARSE_MARKER_RULE_ID, PROGRESS_RULE_ID, ROLE_RULE_ID } from './audit-plugin.js';

/** Build output, dependencies and tool folders: never the service's own source. */
const ALWAYS_IGNORED = [
  '**/node_modules/',
  '**/dist/',
  '**/build/',
  '**/coverage/',
  '**/.next/',
  '**/.git/',
];

const JS_MODULE_FILES = ['**/*.{js,jsx}'];
const JS_ESM_FILES = ['**/*.mjs'];
const JS_COMMONJS_FILES = ['**/*.cjs'];
const TS_FILES = ['**/*.{ts,mts,cts,tsx}'];

export const RULE_PREFIX = 'stateless/';

const requireFromHere = createRequire(import.meta.url);

/**
 * A parser that is required on the first file it parses, so that a run that never meets such a
 * file (a JavaScript-only service, `--help`, a worker thread that gets none) never pays for
 * loading it: `@typescript-eslint/parser` loads TypeScript itself, the larger part of start-up,
 * and hermes-eslint a WebAssembly build of the Hermes parser.
 */
function createLazyParser(name: string, moduleId: string): Linter.Parser {
  return {
    meta: { name },
    parseForESLint(code: string, options?: unknown) {
      const parser = requireFromHere(moduleId) as {
        parseForESLint(code: string, options?: unknown): Linter.ESLintParseResult;
      };
      return parser.parseForESLint(code, options);
    },
  };
}

/** The plugin's rule names, without the `stateless/` prefix. */
export function ruleNames(): string[] {
  return Object.keys(plugin.rules ?? {}).sort();
}

/** `no-sticky-sessions` or `stateless/no-sticky-sessions` -> `no-sticky-sessions`, or null when unknown. */
export function normaliseRuleName(id: string): string | null {
  const name = id.startsWith(RULE_PREFIX) ? id.slice(RULE_PREFIX.length) : id;
  return ruleNames().includes(name) ? name : null;
}

function pluginConfig(params: AuditParams): Linter.Config[] {
  return plugin.configs[params.config];
}

function configuredRules(params: AuditParams): Linter.RulesRecord {
  const configured: Linter.RulesRecord = {};
  for (const config of pluginConfig(params)) Object.assign(configured, config.rules);
  return configured;
}

/** Ids (`stateless/...`) of the rules the audit runs: the config's rules, or the `--rule` selection. */
export function enabledRuleIds(params: AuditParams): string[] {
  if (params.rules.length === 0) return Object.keys(configuredRules(params)).sort();
  return params.rules.map((name) => `${RULE_PREFIX}${name}`).sort();
}

function selectRules(rules: Partial<Linter.RulesRecord> | undefined, selected: ReadonlySet<string>): Linter.RulesRecord {
  const kept: Linter.RulesRecord = {};
  for (const [id, entry] of Object.entries(rules ?? {})) if (entry !== undefined && selected.has(id)) kept[id] = entry;
  return kept;
}

/**
 * The plugin's own config objects with their rules narrowed to the selection; a rule asked for by
 * name that the chosen config leaves off runs too, with default options.
 */
function auditedPluginConfigs(params: AuditParams): Linter.Config[] {
  const selected = new Set(enabledRuleIds(params));
  const configs = pluginConfig(params).map((config) => {
    const narrowed = { ...config, rules: selectRules(config.rules, selected) };
    if (!params.allRoles) return narrowed;
    // `--all-roles`: the config's own ignores (tests, scripts, vendor ...) are roles decided by path.
    const { ignores: _byPath, ...everyFile } = narrowed;
    return everyFile;
  });
  const configured = configuredRules(params);
  const missing = [...selected].filter((id) => configured[id] === undefined);
  if (missing.length > 0) {
    configs.push({
      name: 'stateless-audit/selected-rules',
      files: sourceFiles(params),
      plugins: { stateless: plugin },
      rules: Object.fromEntries(missing.map((id) => [id, 'error'])),
    });
  }
  return configs;
}

function sourceFiles(params: AuditParams): string[] {
  return pluginConfig(params).flatMap((config) => config.files ?? []) as string[];
}

/**
 * The plugin config's own `ignores` (tests, scripts, tool configs, migrations, fixtures) become
 * global ignores here: the audit is about code that runs in the service, and a global ignore
 * also saves parsing those files at all.
 */
function nonRuntimeIgnores(params: AuditParams): string[] {
  if (params.allRoles) return [];
  return pluginConfig(params).flatMap((config) => (config.files ? (config.ignores ?? []) : []));
}

function gitignoreConfig(params: AuditParams): Linter.Config[] {
  if (params.gitignore === null || !existsSync(params.gitignore)) return [];
  return [includeIgnoreFile(params.gitignore, 'stateless-audit/gitignore') as Linter.Config];
}

/**
 * hermes-eslint returns its own scope manager, which knows Flow's type-only names, and always
 * parses JSX. It takes `script` or `module` only: `module`, as in the first espree pass (hermes
 * accepts a top-level `return` in a module too).
 */
function javaScriptLanguageOptions(params: AuditParams): Linter.LanguageOptions {
  if (params.jsParser === 'flow') {
    return { parser: createLazyParser('stateless-audit/flow-parser', 'hermes-eslint'), sourceType: 'module' };
  }
  return { ecmaVersion: 'latest', sourceType: params.jsParser, parserOptions: { ecmaFeatures: { jsx: true } } };
}

function parserConfigs(params: AuditParams): Linter.Config[] {
  const jsx = { ecmaFeatures: { jsx: true } };
  return [
    {
      name: 'stateless-audit/javascript',
      files: JS_MODULE_FILES,
      languageOptions: javaScriptLanguageOptions(params),
    },
    {
      name: 'stateless-audit/javascript-esm',
      files: JS_ESM_FILES,
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: jsx },
    },
    {
      name: 'stateless-audit/javascript-commonjs',
      files: JS_COMMONJS_FILES,
      languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs', parserOptions: jsx },
    },
    {
      name: 'stateless-audit/typescript',
      files: TS_FILES,
      languageOptions: { parser: createLazyParser('stateless-audit/typescript-parser', '@typescript-eslint/parser'), sourceType: 'module' },
    },
  ];
}

/**
 * Without `--all-roles`, a rule of the audit's own reports each file's role for the summary;
 * with it, every rule checks every role.
 */
function roleConfigs(params: AuditParams, auditPlugin: ESLint.Plugin): Linter.Config[] {
  if (params.allRoles) {
    return [{ name: 'stateless-audit/all-roles', settings: { stateless: { checkRoles: [...NON_SERVICE_ROLES] } } }];
  }
  return [
    {
      name: 'stateless-audit/file-role',
      files: sourceFiles(params),
      plugins: { [AUDIT_PLUGIN]: auditPlugin },
      rules: { [ROLE_RULE_ID]: 'warn' },
    },
  ];
}

/** The whole flat config of an audit: nothing of the target's own ESLint setup is read. */
export function createOverrideConfig(params: AuditParams): Linter.Config[] {
  // One plugin object for all of the audit's own rules: ESLint refuses two objects under one name.
  const auditPlugin = createAuditPlugin(params.progressChannel);
  const configs: Linter.Config[] = [
    { name: 'stateless-audit/ignores', ignores: [...ALWAYS_IGNORED, ...nonRuntimeIgnores(params)] },
    ...gitignoreConfig(params),
    ...parserConfigs(params),
    ...auditedPluginConfigs(params),
    ...roleConfigs(params, auditPlugin),
    {
      name: 'stateless-audit/parse-marker',
      files: sourceFiles(params),
      plugins: { [AUDIT_PLUGIN]: auditPlugin },
      rules: { [PARSE_MARKER_RULE_ID]: 'warn' },
    },
    // The target's disable comments for plugins that are not loaded here must not become noise.
    { name: 'stateless-audit/linter-options', linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
  if (params.progressChannel !== null) {
    configs.push({
      name: 'stateless-audit/progress',
      files: sourceFiles(params),
      plugins: { [AUDIT_PLUGIN]: auditPlugin },
      rules: { [PROGRESS_RULE_ID]: 'warn' },
    });
  }
  return configs;
}

export function createEslintOptions(params: AuditParams): ESLint.Options {
  return {
    cwd: params.root,
    // Never load the target's eslint.config.* (it may be broken, legacy, or need uninstalled plugins).
    overrideConfigFile: true,
    overrideConfig: createOverrideConfig(params),
    errorOnUnmatchedPattern: false,
    warnIgnored: false,
    concurrency: params.concurrency,
  };
}

/** Same as `createEslintOptions`, for ESLint versions without multithreaded linting. */
export function createInlineEslintOptions(params: AuditParams): ESLint.Options {
  const { concurrency: _unsupported, ...options } = createEslintOptions(params);
  return options;
}
