import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isJsonData, isModuleOrNamedExport, moduleValueOf } from '../../src/analysis/module-value.js';
import type { ParserName } from '../rule-tester.js';
import { runInRule } from './run-in-rule.js';

/** `moduleValueOf` of the first argument of the last `use(...)` call, as `module:path.to.export`. */
function valueOf(code: string, parser: ParserName): string | undefined {
  const calls: TSESTree.CallExpression[] = [];
  return runInRule(
    code,
    parser,
    (sourceCode) => {
      const call = calls.at(-1);
      if (!call) throw new Error('no use() call');
      const value = moduleValueOf(sourceCode, call.arguments[0]!);
      return value && `${value.moduleId}:${value.path.join('.')}`;
    },
    () => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'use') calls.push(node);
      },
    }),
  );
}

const ALL: readonly ParserName[] = ['esm', 'cjs', 'ts'];
const MODULES: readonly ParserName[] = ['esm', 'ts'];
const TS: readonly ParserName[] = ['ts'];

const CASES: readonly [code: string, parsers: readonly ParserName[], expected: string | undefined][] = [
  // ESM imports: default, namespace, named, renamed, `default` by name, string names
  ["import m from 'm'; use(m);", MODULES, 'm:'],
  ["import * as m from 'm'; use(m);", MODULES, 'm:'],
  ["import { a } from 'm'; use(a);", MODULES, 'm:a'],
  ["import { a as b } from 'm'; use(b);", MODULES, 'm:a'],
  ["import { default as d } from 'm'; use(d);", MODULES, 'm:'],
  ["import { 'a-b' as c } from 'm'; use(c);", ['esm'], 'm:a-b'],
  ["import m, { a } from 'm'; use(m); use(a);", MODULES, 'm:a'],
  // members: dotted, bracketed, constant keys, `.default` dropped at any depth
  ["import m from 'm'; use(m.a.b);", MODULES, 'm:a.b'],
  ["import m from 'm'; use(m['a']);", MODULES, 'm:a'],
  ["import m from 'm'; const k = 'a'; use(m[k]);", MODULES, 'm:a'],
  ["import m from 'm'; use(m.default);", MODULES, 'm:'],
  ["import * as m from 'm'; use(m.default.a);", MODULES, 'm:a'],
  ["import m from 'm'; use(m[key]);", MODULES, undefined],
  ["import m from 'm'; use(m?.a);", MODULES, 'm:a'],
  // type-only imports are no values
  ["import type m from 'm'; use(m);", TS, undefined],
  ["import type { a } from 'm'; use(a);", TS, undefined],
  ["import { type a } from 'm'; use(a);", TS, undefined],
  // TypeScript `import x = require()` and wrappers
  ["import m = require('m'); use(m);", TS, 'm:'],
  ["import m = require('m'); use(m.a);", TS, 'm:a'],
  ["import type m = require('m'); use(m);", TS, undefined],
  ["import m from 'm'; use(m as any);", TS, 'm:'],
  ["import m from 'm'; use(m!);", TS, 'm:'],
  ["import m from 'm'; use(<any>m);", TS, 'm:'],
  ["import m from 'm'; use(m satisfies object);", TS, 'm:'],
  ["use((require as any)('m'));", TS, 'm:'],
  // require: the global one, declared (CommonJS) or not (ESM, TS), directly or through aliases
  ["use(require('m'));", ALL, 'm:'],
  ["use(require('m').a);", ALL, 'm:a'],
  ["use(require('m').default);", ALL, 'm:'],
  ["const id = 'm'; use(require(id));", ALL, 'm:'],
  ['use(require(name));', ALL, undefined],
  ["const m = require('m'); use(m);", ALL, 'm:'],
  ["const m = require('m'); const n = m; use(n.a);", ALL, 'm:a'],
  ["const a = require('m').a; use(a);", ALL, 'm:a'],
  ["let m = require('m'); use(m);", ALL, 'm:'],
  ["var m = require('m'); use(m);", ALL, 'm:'],
  ["let m = require('m'); m = other; use(m);", ALL, undefined],
  ["const m = require('m');\nfunction f() { use(m.a); }", ALL, 'm:a'],
  // require that is not the global one
  ["function f(require) { use(require('m')); }", ALL, undefined],
  ["const require = load(); use(require('m'));", ALL, undefined],
  ["require = patched; use(require('m'));", ['cjs'], undefined],
  // destructuring: top-level keys of a never-reassigned binding
  ["const { a } = require('m'); use(a);", ALL, 'm:a'],
  ["const { a: b } = require('m'); use(b);", ALL, 'm:a'],
  ["const { a = fallback } = require('m'); use(a);", ALL, 'm:a'],
  ["const { ['a']: b } = require('m'); use(b);", ALL, 'm:a'],
  ["const { default: d } = require('m'); use(d);", ALL, 'm:'],
  ["const { a } = require('m').b; use(a);", ALL, 'm:b.a'],
  ["let { a } = require('m'); a = other; use(a);", ALL, undefined],
  ["const { a: { b } } = require('m'); use(b);", ALL, undefined],
  ["const { [key]: b } = require('m'); use(b);", ALL, undefined],
  ["const [a] = require('m'); use(a);", ALL, undefined],
  // import(): the promise itself (fastify accepts it), awaited, destructured
  ["use(import('m'));", ALL, 'm:'],
  ["async function f() { use(await import('m')); }", ALL, 'm:'],
  ["async function f() { use((await import('m')).default); }", ALL, 'm:'],
  ["async function f() { const m = await import('m'); use(m.a); }", ALL, 'm:a'],
  ["async function f() { const { default: p } = await import('m'); use(p); }", ALL, 'm:'],
  ["async function f() { const { a } = await import('m'); use(a); }", ALL, 'm:a'],
  ["const m = await import('m'); use(m.a);", MODULES, 'm:a'],
  ['use(import(name));', ALL, undefined],
  // not a module value
  ['use(m);', ALL, undefined],
  ['function f(m) { use(m); }', ALL, undefined],
  ["import m from 'm'; function f(m) { use(m); }", MODULES, undefined],
  ["use(make('m'));", ALL, undefined],
  ['use(foo.bar);', ALL, undefined],
  ["use(cond ? require('m') : null);", ALL, undefined],
  ['const a = b; const b = a; use(a);', ALL, undefined],
];

describe('moduleValueOf', () => {
  it.each(CASES.flatMap(([code, parsers, expected]) => parsers.map((parser) => [code, parser, expected] as const)))(
    '%s (%s) -> %s',
    (code, parser, expected) => {
      expect(valueOf(code, parser)).toBe(expected);
    },
  );
});

describe('isModuleOrNamedExport', () => {
  it.each<[readonly string[], readonly string[], boolean]>([
    [[], [], true],
    [[], ['plugin'], true],
    [['plugin'], ['plugin'], true],
    [['other'], ['plugin'], false],
    [['plugin'], [], false],
    [['plugin', 'inner'], ['plugin'], false],
  ])('path %j, exports %j -> %s', (path, exportNames, expected) => {
    expect(isModuleOrNamedExport({ moduleId: 'm', path }, exportNames)).toBe(expected);
  });
});

/** `isJsonData` of the first argument of the last `use(...)` call. */
function jsonOf(code: string, parser: ParserName): boolean {
  const calls: TSESTree.CallExpression[] = [];
  return runInRule(
    code,
    parser,
    (sourceCode) => isJsonData(sourceCode, calls.at(-1)!.arguments[0]!),
    () => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'use') calls.push(node);
      },
    }),
  );
}

describe('isJsonData', () => {
  it.each<[string, ParserName, boolean]>([
    ["const settings = require('./settings.json');\nuse(settings.rateLimit);", 'cjs', true],
    ["const { limits } = require('../config/app.json');\nuse(limits.api);", 'cjs', true],
    ["import settings from './settings.json' with { type: 'json' };\nuse(settings);", 'esm', true],
    ["const config = JSON.parse(fs.readFileSync('config.json', 'utf8'));\nuse(config.rateLimit);", 'cjs', true],
    ['use(JSON.parse(text).limits);', 'cjs', true],
    // a module of code, a local JSON shadowed, a value built in the file
    ["const settings = require('./settings');\nuse(settings.rateLimit);", 'cjs', false],
    ["const JSON = { parse: () => ({ store }) };\nuse(JSON.parse('{}'));", 'cjs', false],
    ['const limits = { store: new RedisStore() };\nuse(limits);', 'cjs', false],
    ["let settings = require('./settings.json');\nsettings = withStore(settings);\nuse(settings);", 'cjs', false],
  ])('%s → %s', (code, parser, expected) => {
    expect(jsonOf(code, parser)).toBe(expected);
  });
});
