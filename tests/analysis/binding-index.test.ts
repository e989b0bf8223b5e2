import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { createBindingIndex } from '../../src/analysis/binding-index.js';
import { runInRule } from './run-in-rule.js';

/** For every call of the code, in source order: `global` / `local` for the callee identifier, plus the called function's kind. */
function callees(code: string): string[] {
  const calls: TSESTree.CallExpression[] = [];
  return runInRule(
    code,
    'ts',
    (sourceCode) => {
      const index = createBindingIndex(sourceCode);
      return calls.map((call) => {
        const callee = call.callee;
        const scope = callee.type === AST_NODE_TYPES.Identifier && index.isGlobalReference(callee) ? 'global' : 'local';
        return `${scope}:${index.localFunctionOf(callee)?.type ?? 'none'}`;
      });
    },
    () => ({ CallExpression: (node: TSESTree.CallExpression) => void calls.push(node) }),
  );
}

describe('createBindingIndex', () => {
  it('tells globals from local bindings and finds the functions of the file', () => {
    const code = [
      'function helper() {}',
      'const arrow = () => {};',
      'let reassigned = () => {};',
      'reassigned = other;',
      'helper(); arrow(); reassigned(); structuredClone(1);',
      'function inner(helper: () => void) { helper(); }',
      'obj.method();',
    ].join('\n');
    expect(callees(code)).toEqual([
      'local:FunctionDeclaration',
      'local:ArrowFunctionExpression',
      'local:none',
      'global:none',
      'local:none',
      'local:none',
    ]);
  });

  it('follows shadowing and hoisting by the scope analysis', () => {
    const code = [
      'late();',
      'function late() {}',
      'function outer() { const late = 1; late(); function own() {} own(); }',
      'function shadow(own: () => void) { own(); }',
      '(late as any)();',
      'late!();',
    ].join('\n');
    expect(callees(code)).toEqual(['local:FunctionDeclaration', 'local:none', 'local:FunctionDeclaration', 'local:none', 'local:FunctionDeclaration', 'local:FunctionDeclaration']);
  });
});
