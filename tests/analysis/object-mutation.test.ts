import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { mayGainProperty } from '../../src/analysis/object-mutation.js';
import type { ParserName } from '../rule-tester.js';
import { runInRule } from './run-in-rule.js';

/** `mayGainProperty` for the first argument of the last `configure(...)` call and the key `store`. */
function gains(code: string, parser: ParserName = 'ts'): boolean {
  const calls: TSESTree.CallExpression[] = [];
  return runInRule(
    code,
    parser,
    (sourceCode) => {
      const call = calls.at(-1);
      if (!call) throw new Error('no configure() call');
      return mayGainProperty(sourceCode, call.arguments[0], 'store');
    },
    () => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'configure') calls.push(node);
      },
    }),
  );
}

describe('mayGainProperty', () => {
  it.each<[string, boolean]>([
    // nothing writes the key
    ['configure({ secret: 1 });', false],
    ['const o = { secret: 1 };\nconfigure(o);', false],
    ['const o = { secret: 1, cookie: {} };\nif (prod) o.cookie.secure = true;\nconfigure(o);', false],
    ['const o = { secret: 1 };\no.name = "sid";\nconfigure(o);', false],
    ['const o = { secret: 1 };\nlog(o);\nconfigure(o);', false],
    ['configure(undefined);', false],
    // the key, or any key, is written later
    ['const o = { secret: 1 };\nif (prod) o.store = new RedisStore();\nconfigure(o);', true],
    ["const o = { secret: 1 };\no['store'] = s;\nconfigure(o);", true],
    ['const o = { secret: 1 };\no[key] = s;\nconfigure(o);', true],
    ['const o = { secret: 1 };\no.store ??= s;\nconfigure(o);', true],
    ['const o = { secret: 1 };\nObject.assign(o, { store });\nconfigure(o);', true],
    ["const o = { secret: 1 };\n_.set(o, 'store', s);\nconfigure(o);", true],
    ['const o = { secret: 1 };\nObject.defineProperty(o, "store", { value: s });\nconfigure(o);', true],
    // through every binding of the const chain
    ['const base = { secret: 1 };\nbase.store = s;\nconst o = base;\nconfigure(o);', true],
    ['let o = { secret: 1 };\nfunction setup() { (o as any).store = s; }\nconfigure(o);', true],
  ])('%s', (code, expected) => {
    expect(gains(code)).toBe(expected);
  });

  it('works under espree CommonJS too', () => {
    expect(gains('const o = { secret: 1 };\no.store = s;\nconfigure(o);', 'cjs')).toBe(true);
    expect(gains('const o = { secret: 1 };\nconfigure(o);', 'cjs')).toBe(false);
  });
});
