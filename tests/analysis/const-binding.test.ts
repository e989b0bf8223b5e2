import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { getDestructuringProperty, resolveToDefinition } from '../../src/analysis/const-binding.js';
import type { ParserName } from '../rule-tester.js';
import { runInRule } from './run-in-rule.js';

/** What the argument of the last `use(...)` call resolves to. */
function resolveArgument(code: string, parser: ParserName = 'ts'): string {
  const calls: TSESTree.CallExpression[] = [];
  return runInRule(
    code,
    parser,
    (sourceCode) => sourceCode.getText(resolveToDefinition(sourceCode, calls.at(-1)!.arguments[0]!)),
    () => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'use') calls.push(node);
      },
    }),
  );
}

describe('resolveToDefinition', () => {
  it.each<[string, string]>([
    ['const a = make(); use(a);', 'make()'],
    ['const a = make(); const b = a; use(b);', 'make()'],
    ['const a = make() as Thing; use(a!);', 'make()'],
    ['let a = make(); use(a);', 'make()'],
    ['let a = make(); a = other(); use(a);', 'a'],
    ['var a = make(); function f() { a = 2; } use(a);', 'a'],
    ['function f(a) { use(a); }', 'a'],
    ['const { a } = make(); use(a);', 'a'],
    ['use(unknownGlobal);', 'unknownGlobal'],
    ['const a = make(); function f() { const a = local(); use(a); }', 'local()'],
    ['const a = b; const b = a; use(a);', 'a'],
  ])('%s -> %s', (code, expected) => {
    expect(resolveArgument(code)).toBe(expected);
  });
});

/** The key of the object-pattern property that binds the argument of the last `use(x)`, or `-`. */
function destructuringKey(code: string, parser: ParserName = 'ts'): string {
  const calls: TSESTree.CallExpression[] = [];
  return runInRule(
    code,
    parser,
    (sourceCode) => {
      const argument = calls.at(-1)!.arguments[0] as TSESTree.Identifier;
      const variable = sourceCode.getScope(argument).references.find((reference) => reference.identifier === argument)?.resolved;
      const definition = variable?.defs[0];
      const property = definition && getDestructuringProperty(definition.name);
      return property ? sourceCode.getText(property.key) : '-';
    },
    () => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'use') calls.push(node);
      },
    }),
  );
}

describe('getDestructuringProperty', () => {
  it.each<[string, string]>([
    ['const { a } = make(); use(a);', 'a'],
    ['const { a: b } = make(); use(b);', 'a'],
    ['const { a: b = 1 } = make(); use(b);', 'a'],
    ['const { a = 1 } = make(); use(a);', 'a'],
    ["const { ['a']: b } = make(); use(b);", "'a'"],
    ['const { a: { b } } = make(); use(b);', 'b'],
    ['function f({ a: b }) { use(b); }', 'a'],
    ['const [a] = make(); use(a);', '-'],
    ['const { ...rest } = make(); use(rest);', '-'],
    ['const a = make(); use(a);', '-'],
  ])('%s -> %s', (code, expected) => {
    expect(destructuringKey(code)).toBe(expected);
  });
});
