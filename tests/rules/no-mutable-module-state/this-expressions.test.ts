import { describe, expect, it } from 'vitest';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { thisExpressionsWithin, thisOwnerFunction } from '../../../src/rules/no-mutable-module-state/this-expressions.js';
import { runInRule } from '../../analysis/run-in-rule.js';

/** Runs `inspect` with every `this` of `code` in source order, collected the way the rule collects them. */
function withThis<T>(code: string, inspect: (all: readonly TSESTree.ThisExpression[], program: TSESTree.Program, sourceCode: Readonly<TSESLint.SourceCode>) => T): T {
  const all: TSESTree.ThisExpression[] = [];
  return runInRule(
    code,
    'ts',
    (sourceCode) => inspect(all, sourceCode.ast, sourceCode),
    () => ({ ThisExpression: (node: TSESTree.ThisExpression) => void all.push(node) }),
  );
}

const code = `this.outside;
class Store {
  items = this.seed;
  add(item) { this.items.push(item); }
}
const pads = {
  set(key, value) {
    this[key] = value;
    [1].forEach(() => this.count);
    [1].forEach(function () { return this.lost; });
    class Local { field = this.own; }
  },
};
this.after;`;

describe('thisExpressionsWithin', () => {
  it('picks the this inside a node by range, in source order, and none outside it', () => {
    const texts = withThis(code, (all, program, sourceCode) => {
      const classBody = (program.body[1] as TSESTree.ClassDeclaration).body;
      const object = (program.body[2] as TSESTree.VariableDeclaration).declarations[0]!.init!;
      return [classBody, object].map((container) => thisExpressionsWithin(all, container).map((node) => sourceCode.getText(node.parent)));
    });
    expect(texts).toEqual([
      ['this.seed', 'this.items'],
      ['this[key]', 'this.count', 'this.lost', 'this.own'],
    ]);
    expect(withThis('const a = 1;', (all, program) => thisExpressionsWithin(all, program))).toEqual([]);
  });
});

describe('thisOwnerFunction', () => {
  it('is the nearest function that is not an arrow, and nothing for a class field or top-level code', () => {
    const owners = withThis(code, (all, program) => {
      const method = (((program.body[2] as TSESTree.VariableDeclaration).declarations[0]!.init as TSESTree.ObjectExpression).properties[0] as TSESTree.Property).value;
      return all.map((node) => {
        const owner = thisOwnerFunction(node);
        return owner === undefined ? 'none' : owner === method ? 'set' : 'other';
      });
    });
    // outside, seed (field), items (class method), this[key], count (arrow), lost (function), own (field), after
    expect(owners).toEqual(['none', 'none', 'other', 'set', 'set', 'other', 'none', 'none']);
  });
});
