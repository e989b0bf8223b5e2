import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { entersInstanceCode, entersMethodBody, thisExpressionsIn } from '../../../src/rules/no-mutable-module-state/this-expressions.js';
import { runInRule } from '../../analysis/run-in-rule.js';

/** The source of the member each `this` found under the first node of `type` reads (`this.a`), or `this` alone. */
function found(code: string, type: AST_NODE_TYPES, enters: (node: TSESTree.Node) => boolean): string[] {
  return runInRule(code, 'ts', (sourceCode: Readonly<TSESLint.SourceCode>) => {
    const pending: TSESTree.Node[] = [sourceCode.ast];
    let root: TSESTree.Node | undefined;
    for (let node = pending.shift(); node && !root; node = pending.shift()) {
      if (node.type === type) root = node;
      for (const key of sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) if (item && typeof item === 'object' && 'type' in item) pending.push(item as TSESTree.Node);
      }
    }
    if (!root) throw new Error(`no ${type}`);
    return thisExpressionsIn(sourceCode, root, enters).map((node) => sourceCode.getText(node.parent));
  });
}

describe('thisExpressionsIn', () => {
  it('finds this in instance members and their arrows, in source order, not in static members, nested classes or other functions', () => {
    const code = `class Store {
  items = new Map();
  onChange = () => this.notify;
  static count = this.name;
  static { this.ready; }
  add(item) {
    this.items.set(item.id, item);
    const later = () => this.flushed;
    function detached() { return this.lost; }
    return class Inner { own() { return this.inner; } };
  }
  static create() { return this.made; }
}`;
    expect(found(code, AST_NODE_TYPES.ClassBody, entersInstanceCode)).toEqual(['this.notify', 'this.items', 'this.flushed']);
  });

  it('finds this in a method body and its arrows, not in nested functions or classes', () => {
    const code = `const pads = {
  set(key, value) {
    this[key] = value;
    [1].forEach(() => this.count);
    [1].forEach(function () { return this.lost; });
    class Local { m() { return this.other; } }
  },
};`;
    expect(found(code, AST_NODE_TYPES.BlockStatement, entersMethodBody)).toEqual(['this[key]', 'this.count']);
  });
});
