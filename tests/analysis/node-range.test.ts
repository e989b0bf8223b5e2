import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { containsNode } from '../../src/analysis/node-range.js';
import { runInRule } from './run-in-rule.js';

describe('containsNode', () => {
  it('tells an ancestor, the node itself and unrelated nodes apart', () => {
    const calls: TSESTree.CallExpression[] = [];
    const result = runInRule(
      'if (a) { first(second()); } else { third(); }',
      'esm',
      (sourceCode) => {
        const [statement] = sourceCode.ast.body as [TSESTree.IfStatement];
        const [first, second, third] = calls as [TSESTree.CallExpression, TSESTree.CallExpression, TSESTree.CallExpression];
        return {
          consequentHasSecond: containsNode(statement.consequent, second),
          firstHasSecond: containsNode(first, second),
          secondHasFirst: containsNode(second, first),
          itself: containsNode(first, first),
          consequentHasThird: containsNode(statement.consequent, third),
          alternateHasThird: containsNode(statement.alternate!, third),
        };
      },
      () => ({
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type === AST_NODE_TYPES.Identifier) calls.push(node);
        },
      }),
    );
    expect(result).toEqual({
      consequentHasSecond: true,
      firstHasSecond: true,
      secondHasFirst: false,
      itself: true,
      consequentHasThird: false,
      alternateHasThird: true,
    });
  });
});
