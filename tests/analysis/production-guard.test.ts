import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { createProductionGuard, type ProductionGuardOptions } from '../../src/analysis/production-guard.js';
import type { ParserName } from '../rule-tester.js';
import { runInRule } from './run-in-rule.js';

/** Whether the one `target()` call of `code` is only reached outside production. */
function guarded(code: string, parser: ParserName, options: ProductionGuardOptions = {}): boolean {
  const targets: TSESTree.CallExpression[] = [];
  return runInRule(
    code,
    parser,
    (sourceCode) => {
      expect(targets).toHaveLength(1);
      return createProductionGuard(sourceCode, options).isOnlyReachedOutsideProduction(targets[0]!);
    },
    () => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'target') targets.push(node);
      },
    }),
  );
}

const ALL: readonly ParserName[] = ['esm', 'cjs', 'ts'];

const GUARDED: readonly (string | [string, readonly ParserName[]])[] = [
  // Comparisons on NODE_ENV, every operator and operand order.
  "if (process.env.NODE_ENV !== 'production') target();",
  "if (process.env.NODE_ENV != 'production') { target(); }",
  "if ('production' !== process.env.NODE_ENV) target();",
  "if (process.env.NODE_ENV === 'development') target();",
  "if (process.env.NODE_ENV == 'test') target();",
  "if (process.env['NODE_ENV'] !== 'production') target();",
  "if (process.env?.NODE_ENV !== 'production') target();",
  "if (process.env.NODE_ENV === 'production') { other(); } else { target(); }",
  "if (process.env.NODE_ENV === 'production') other(); else if (flag) target();",
  "const PROD = 'production';\nif (process.env.NODE_ENV !== PROD) target();",
  ["enum Environment { Development = 'development', Production = 'production' }\nif (config.environment !== Environment.Production) target();", ['ts']],
  "if (process.env.NODE_ENV === NodeEnv.DEV) target();",
  // Destructured, aliased and defaulted environment names.
  "const { NODE_ENV } = process.env;\nif (NODE_ENV !== 'production') target();",
  "const { NODE_ENV: nodeEnv = 'development' } = process.env;\nif (nodeEnv === 'development') target();",
  "const { NODE_ENV: e } = process.env;\nif (e !== 'production') target();",
  "const env = process.env.NODE_ENV || 'development';\nif (env === 'development') target();",
  "const env = (process.env.NODE_ENV ?? '').toLowerCase();\nif (env !== 'production') target();",
  // Ternary, &&, ||.
  "const m = process.env.NODE_ENV !== 'production' ? target() : null;",
  "const m = process.env.NODE_ENV === 'production' ? null : target();",
  "process.env.NODE_ENV !== 'production' && target();",
  "process.env.NODE_ENV === 'production' || target();",
  "if (process.env.NODE_ENV !== 'production' && flag) target();",
  "if (flag && process.env.NODE_ENV === 'development') target();",
  "if (process.env.NODE_ENV === 'development' || process.env.NODE_ENV === 'test') target();",
  "if (!(process.env.NODE_ENV === 'production')) target();",
  "if (['development', 'test'].includes(process.env.NODE_ENV)) target();",
  "if (!['production', 'staging'].includes(process.env.NODE_ENV)) target();",
  // Flags defined from a test, negated correctly.
  "const isProd = process.env.NODE_ENV === 'production';\nif (!isProd) target();",
  "const isProduction = process.env.NODE_ENV === 'production';\nif (isProduction) { other(); } else { target(); }",
  "const isDev = process.env.NODE_ENV !== 'production';\nif (isDev) target();",
  "const dev = process.env.NODE_ENV !== 'production';\nconst m = dev ? [target()] : [];",
  "const isProd = process.env.NODE_ENV === 'production';\nconst isDev = !isProd;\nif (isDev) target();",
  "let isDev = process.env.NODE_ENV === 'development';\nif (isDev) target();",
  "const config = { isDev: process.env.NODE_ENV !== 'production' };\nif (config.isDev) target();",
  "const flag = Boolean(process.env.NODE_ENV !== 'production');\nif (flag) target();",
  // Conventional flag names whose definition the file cannot see.
  ["import { isDev } from './env';\nif (isDev) target();", ['esm', 'ts']],
  ["import config from './config';\nif (!config.isProduction) target();", ['esm', 'ts']],
  "function setup(app, { isDevelopment }) { if (isDevelopment) target(); }",
  "if (env.isDev()) target();",
  "if (isDevelopment()) target();",
  "function shouldCompile() { return process.env.NODE_ENV === 'development'; }\nif (shouldCompile()) target();",
  "const inProduction = () => process.env.NODE_ENV === 'production';\nif (!inProduction()) target();",
  "if (__DEV__) target();",
  "if (process.env.IS_DEV) target();",
  // Express / Koa / config libraries.
  "if (app.get('env') === 'development') target();",
  "if (app.settings.env !== 'production') target();",
  "if (app.env === 'development') target();",
  "if (configService.get('NODE_ENV') !== 'production') target();",
  // import.meta.env.
  ['if (import.meta.env.DEV) target();', ['esm', 'ts']],
  ['if (!import.meta.env.PROD) target();', ['esm', 'ts']],
  ["if (import.meta.env.MODE === 'development') target();", ['esm', 'ts']],
  // switch.
  "switch (process.env.NODE_ENV) { case 'development': target(); break; case 'production': other(); }",
  "switch (process.env.NODE_ENV) { case 'test': case 'development': target(); }",
  // Early exits.
  "function setup(app) {\n  if (process.env.NODE_ENV === 'production') return;\n  target();\n}",
  "function setup(app) {\n  if (process.env.NODE_ENV === 'production') {\n    app.use(serve());\n    return;\n  }\n  target();\n}",
  "function setup(app) {\n  if (isProd) throw new Error('dev only');\n  { target(); }\n}",
  "async function setup(app) {\n  if (!isDev) return app;\n  const run = () => target();\n  run();\n}",
  ["if (process.env.NODE_ENV === 'production') return;\ntarget();", ['cjs']],
  "if (process.env.NODE_ENV === 'production') { console.error('dev server only'); process.exit(1); }\ntarget();",
  "for (const x of xs) { if (isProd) continue; target(); }",
  ["if (isDev) {} else { return; }\ntarget();", ['cjs']],
  // Nested functions defined inside a guard.
  "if (isDev) { app.use((req, res, next) => target()); }",
  "if (isDev) { function dev() { target(); } dev(); }",
  // Functions of the file whose every call is guarded.
  "function setupDev(app) { target(); }\nif (isDev) setupDev(app);",
  "const setupDev = async (app) => { await target(); };\nif (process.env.NODE_ENV !== 'production') { void setupDev(app); }",
  "function inner() { target(); }\nfunction outer() { inner(); }\nif (isDev) outer();\nif (isDev) { inner(); }",
  "function walk(n) { if (n) walk(n - 1); target(); }\nif (isDev) walk(3);",
  // A constant branch that never runs.
  'if (false) target();',
  "const ENABLED = false;\nif (ENABLED) target();",
];

const NOT_GUARDED: readonly (string | [string, readonly ParserName[]])[] = [
  'target();',
  'function setupDev(app) { target(); }',
  "if (process.env.NODE_ENV === 'production') target();",
  "if (process.env.NODE_ENV !== 'development') target();",
  "if (process.env.NODE_ENV !== 'test') target();",
  "if (process.env.NODE_ENV === 'staging') target();",
  "if (process.env.NODE_ENV !== 'production') { other(); } else { target(); }",
  "if (process.env.NODE_ENV !== 'production' || flag) target();",
  "if (flag || process.env.NODE_ENV === 'development') target();",
  "process.env.NODE_ENV !== 'production' || target();",
  "const m = process.env.NODE_ENV === 'production' ? target() : null;",
  "if (process.env.NODE_ENV) target();",
  "if (process.env.NODE_ENV === Environment.Production) target();",
  "if (process.env.NODE_ENV !== Environment.Staging) target();",
  "if (target() && isDev) other();",
  // Flags whose definition says otherwise than their name.
  "const isDev = process.env.NODE_ENV !== 'test';\nif (isDev) target();",
  "const isDev = true;\nif (isDev) target();",
  "const isProd = process.env.NODE_ENV === 'production';\nif (isProd) target();",
  "let enabled = process.env.NODE_ENV !== 'production';\nenabled = true;\nif (enabled) target();",
  "if (isProd) target();",
  "if (!isDev) target();",
  "if (config.enabled) target();",
  "if (flag) target();",
  "function shouldCompile() { return process.env.NODE_ENV !== 'test'; }\nif (shouldCompile()) target();",
  "function isDev() { return process.env.NODE_ENV === 'production'; }\nif (isDev()) target();",
  "function shouldCompile(env) { return env === 'development'; }\nif (shouldCompile(process.env.NODE_ENV)) target();",
  "if (['development', 'staging'].includes(process.env.NODE_ENV)) target();",
  // Early exits that do not exclude production, or do not always exit.
  "function setup(app) {\n  if (process.env.NODE_ENV !== 'production') return;\n  target();\n}",
  "function setup(app) {\n  if (isProd) { log(); }\n  target();\n}",
  "function setup(app) {\n  if (isProd) { if (x) return; }\n  target();\n}",
  "function setup(app) {\n  target();\n  if (isProd) return;\n}",
  "function outer() {\n  if (isProd) return;\n  function hoisted() { target(); }\n}",
  // Functions called without a guard, or passed where the rule cannot follow them.
  "function setupDev(app) { target(); }\nif (isDev) setupDev(app);\nsetupDev(other);",
  "function setupDev(app) { target(); }\nif (isDev) setupDev(app);\nmodule.exports = setupDev;",
  ["export function setupDev(app) { target(); }\nif (isDev) setupDev(app);", ['esm', 'ts']],
  ["export const setupDev = (app) => { target(); };\nif (isDev) setupDev(app);", ['esm', 'ts']],
  "const setupDev = (app) => { target(); };\nif (isDev) app.on('listening', setupDev);",
  "let setupDev = (app) => { target(); };\nif (isDev) setupDev(app);",
  "function unused() { target(); }",
  // switch with a fall-through from a production case, or the default.
  "switch (process.env.NODE_ENV) { case 'production': other(); case 'development': target(); }",
  "switch (process.env.NODE_ENV) { case 'development': break; default: target(); }",
  "switch (mode) { case 'ssr': target(); }",
];

describe('createProductionGuard: guarded', () => {
  for (const entry of GUARDED) {
    const [code, parsers] = typeof entry === 'string' ? [entry, ALL] : entry;
    for (const parser of parsers) {
      it(`${parser}: ${code}`, () => {
        expect(guarded(code, parser)).toBe(true);
      });
    }
  }
});

describe('createProductionGuard: not guarded', () => {
  for (const entry of NOT_GUARDED) {
    const [code, parsers] = typeof entry === 'string' ? [entry, ALL] : entry;
    for (const parser of parsers) {
      it(`${parser}: ${code}`, () => {
        expect(guarded(code, parser)).toBe(false);
      });
    }
  }
});

describe('createProductionGuard: the guards option', () => {
  it.each<[string, readonly string[], boolean]>([
    ['if (flags.localBuild) target();', ['flags.localBuild'], true],
    ['if (flags.localBuild) target();', ['localBuild'], false],
    ['if (localBuild) target();', ['localBuild'], true],
    ['if (!localBuild) target();', ['localBuild'], false],
    ['if (!settings.live) target();', ['!settings.live'], true],
    ['if (settings.live) target();', ['!settings.live'], false],
    ['if (runtime.hot()) target();', ['runtime.hot()'], true],
    ['if (runtime.hot) target();', ['runtime.hot()'], false],
    ['if (this.options.hot) target();', ['this.options.hot'], true],
    ['function f() { if (!live) return; target(); }', ['live'], true],
    ['function f() { if (live) return; target(); }', ['live'], false],
    ['function f() { if (live) return; target(); }', ['!live'], true],
  ])('%s with %j', (code, guards, expected) => {
    expect(guarded(code, 'esm', { guards })).toBe(expected);
  });
});

describe('createProductionGuard: excludesProduction', () => {
  function excludes(code: string, outcome: boolean): boolean {
    return runInRule(code, 'esm', (sourceCode) => {
      const statement = sourceCode.ast.body.at(-1);
      if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) throw new Error('expected an expression statement');
      return createProductionGuard(sourceCode).excludesProduction(statement.expression, outcome);
    });
  }

  it.each<[string, boolean, boolean]>([
    ['isDev;', true, true],
    ['isDev;', false, false],
    ['isProd;', false, true],
    ["process.env.NODE_ENV === 'production';", false, true],
    ["process.env.NODE_ENV === 'production';", true, false],
    ["process.env.NODE_ENV !== 'development';", false, true],
  ])('%s when %s', (code, outcome, expected) => {
    expect(excludes(code, outcome)).toBe(expected);
  });
});
