import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { resolveLocalFunction, returnedExpressions } from '../../src/analysis/local-function.js';
import { runInRule } from './run-in-rule.js';

/** For the callee of every call `probe(...)`: the texts the resolved function returns, or `null` when unresolved. */
function returns(code: string): (string[] | null)[] {
  const calls: TSESTree.CallExpression[] = [];
  return runInRule(
    code,
    'ts',
    (sourceCode) =>
      calls.map((call) => {
        const fn = resolveLocalFunction(sourceCode, call.callee);
        if (!fn) return null;
        return returnedExpressions(sourceCode, fn)?.map((node) => sourceCode.getText(node)) ?? ['<async or generator>'];
      }),
    () => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'probe') calls.push(node);
      },
    }),
  );
}

describe('resolveLocalFunction and returnedExpressions', () => {
  it.each<[string, (string[] | null)[]]>([
    ['function probe() { if (a) return new Map(); return {}; }\nprobe();', [['new Map()', '{}']]],
    ['function probe() { const f = () => { return 1; }; return []; }\nprobe();', [['[]']]],
    ['const probe = () => new Set();\nprobe();', [['new Set()']]],
    ['const probe = function () { return; };\nprobe();', [[]]],
    ['async function probe() { return {}; }\nprobe();', [['<async or generator>']]],
    ['function* probe() { yield 1; }\nprobe();', [['<async or generator>']]],
    ['let probe = () => [];\nprobe = other;\nprobe();', [null]],
    ["import probe from './x';\nprobe();", [null]],
    ['function f(probe) { probe(); }', [null]],
    ['probe();', [null]],
  ])('%s', (code, expected) => {
    expect(returns(code)).toEqual(expected);
  });
});
