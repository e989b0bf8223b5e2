import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from './runtime-code.js';
import { unwrapExpression } from './unwrap.js';

function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/**
 * The function of this file that a call's callee names: a function declaration, or a `const`
 * (never reassigned) bound to a function or arrow expression. `undefined` for anything else
 * (imports, methods, parameters, reassigned bindings).
 */
export function resolveLocalFunction(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Node): FunctionNode | undefined {
  const inner = unwrapExpression(callee);
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(inner), inner);
  return variable ? localFunctionOfVariable(variable) : undefined;
}

/** The function a binding names: a function declaration, or a never-reassigned `const` bound to a function or arrow. */
export function localFunctionOfVariable(variable: TSESLint.Scope.Variable): FunctionNode | undefined {
  if (variable.defs.length !== 1) return undefined;
  const [definition] = variable.defs;
  if (definition?.type === 'FunctionName' && isFunctionNode(definition.node)) return definition.node;
  if (definition?.type !== 'Variable' || definition.parent.kind !== 'const') return undefined;
  const init = definition.node.init && unwrapExpression(definition.node.init);
  return isFunctionNode(init) ? init : undefined;
}

/**
 * The expressions a synchronous, non-generator function returns (an arrow's expression body, or
 * the argument of every `return` outside nested functions); `undefined` for `async` functions
 * and generators, whose callers never receive these values directly. Bare `return;` adds nothing.
 */
export function returnedExpressions(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): TSESTree.Node[] | undefined {
  if (fn.async || fn.generator) return undefined;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const found: TSESTree.Node[] = [];
  const pending: TSESTree.Node[] = [fn.body];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      if (node.argument) found.push(node.argument);
      continue;
    }
    if (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody) continue;
    const children: TSESTree.Node[] = [];
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) children.push(item as TSESTree.Node);
      }
    }
    // Reversed, so that the stack yields the returns in source order.
    pending.push(...children.reverse());
  }
  return found;
}
