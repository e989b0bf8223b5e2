import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  findPropertyPath,
  getArgumentObject,
  getStaticExpressionValue,
  getStaticPropertyValue,
  type ObjectSource,
} from '../../src/analysis/options-object.js';
import type { ParserName } from '../rule-tester.js';
import { runInRule } from './run-in-rule.js';

/** The options argument of the last `configure(...)` call in the code. */
function lookup(code: string, path: string[], parser: ParserName = 'ts', index = 0): string {
  const calls: TSESTree.CallExpression[] = [];
  return runInRule(
    code,
    parser,
    (sourceCode: Readonly<TSESLint.SourceCode>) => {
      const call = calls.at(-1);
      if (!call) throw new Error('no configure() call');
      const source: ObjectSource = getArgumentObject(sourceCode, call, index);
      const result = findPropertyPath(sourceCode, source, path);
      if (result.kind !== 'present') return result.kind;
      const value = getStaticPropertyValue(sourceCode, result);
      return value ? `present:${JSON.stringify(value.value)}` : `present:${sourceCode.getText(result.value)}`;
    },
    () => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'configure') calls.push(node);
      },
    }),
  );
}

describe('options objects', () => {
  it.each<[string, string[], string]>([
    ['configure({ store: s });', ['store'], 'present:s'],
    ['configure({ secret: 1 });', ['store'], 'absent'],
    ['configure();', ['store'], 'absent'],
    ['configure(undefined);', ['store'], 'absent'],
    ['configure(opts);', ['store'], 'unknown'],
    ['function f(o) { configure(o); }', ['store'], 'unknown'],
    ['const o = { store: 1 }; configure(o);', ['store'], 'present:1'],
    ['const base = { store: 2 }; configure({ ...base, secret: 1 });', ['store'], 'present:2'],
    ['configure({ ...unknownThing, secret: 1 });', ['store'], 'unknown'],
    ['configure({ ...unknownThing, store: 3 });', ['store'], 'present:3'],
    ['configure({ store: 3, ...unknownThing });', ['store'], 'unknown'],
    ["const KEY = 'store'; configure({ [KEY]: 4 });", ['store'], 'present:4'],
    ['configure({ [dynamic]: 4 });', ['store'], 'unknown'],
    ["configure({ 'store': 5 });", ['store'], 'present:5'],
    ['configure({ ...(dev ? { a: 1 } : { b: 2 }) });', ['store'], 'absent'],
    ['configure({ ...(dev ? { store: 1 } : {}) });', ['store'], 'unknown'],
    ['configure({ ...(dev && { a: 1 }) });', ['store'], 'absent'],
    ['const o = { store: 6 } as const; configure(o);', ['store'], 'present:6'],
    ['const o = { store: 7 } satisfies Record<string, number>; configure(o!);', ['store'], 'present:7'],
    ['configure({ server: { middlewareMode: true } });', ['server', 'middlewareMode'], 'present:true'],
    ['const server = { middlewareMode: true }; configure({ server });', ['server', 'middlewareMode'], 'present:true'],
    ['configure({ server: s });', ['server', 'middlewareMode'], 'unknown'],
    ['configure({ store: 1, store: 2 });', ['store'], 'present:2'],
    ['configure(...args);', ['store'], 'unknown'],
    ['let o = { store: 1 }; o = {}; configure(o);', ['store'], 'unknown'],
  ])('%s -> %s', (code, path, expected) => {
    expect(lookup(code, path)).toBe(expected);
  });

  it('reads an argument other than the first', () => {
    expect(lookup('configure(app, { store: 1 });', ['store'], 'esm', 1)).toBe('present:1');
  });
});

/** `getStaticExpressionValue` of the first argument of the last `configure(...)` call, as JSON, or `unknown`. */
function staticArgument(code: string, parser: ParserName = 'ts'): string {
  const calls: TSESTree.CallExpression[] = [];
  return runInRule(
    code,
    parser,
    (sourceCode) => {
      const value = getStaticExpressionValue(sourceCode, calls.at(-1)!.arguments[0]!);
      return value ? JSON.stringify(value.value) ?? 'undefined' : 'unknown';
    },
    () => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'configure') calls.push(node);
      },
    }),
  );
}

describe('getStaticExpressionValue', () => {
  it.each<[string, string]>([
    ["configure('production');", '"production"'],
    ['configure(true);', 'true'],
    ["const MODE = 'ClientIP'; configure(MODE);", '"ClientIP"'],
    ["configure('a' as const);", '"a"'],
    ['const n = 1; configure(n!);', '1'],
    ["configure(<string>'x');", '"x"'],
    ["const t = ['websocket']; configure(t);", '["websocket"]'],
    ['configure(void 0);', 'undefined'],
    ['configure(process.env.NODE_ENV);', 'unknown'],
    ['function f(x) { configure(x); }', 'unknown'],
    ['let m = 1; m = 2; configure(m);', 'unknown'],
  ])('%s -> %s', (code, expected) => {
    expect(staticArgument(code)).toBe(expected);
  });
});
