import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { localFunctionOfVariable } from './local-function.js';
import type { FunctionNode } from './runtime-code.js';
import { skipWrapperParents, unwrapExpression } from './unwrap.js';

/**
 * Per-file look-ups of identifiers: whether one is the global of its name, and which function of
 * the file a callee names. Answers are cached per identifier.
 */
export interface BindingIndex {
  /** `true` when `identifier` refers to the built-in global of that name (not declared in the file). */
  isGlobalReference(identifier: TSESTree.Identifier): boolean;
  /** The function of this file that `callee` names (a function declaration or a `const` bound to a function). */
  localFunctionOf(callee: TSESTree.Node): FunctionNode | undefined;
}

export function createBindingIndex(sourceCode: Readonly<TSESLint.SourceCode>): BindingIndex {
  const variables = new Map<TSESTree.Identifier, TSESLint.Scope.Variable | null>();
  let functionsByReference: Map<TSESTree.Node, FunctionNode> | undefined;

  /** The bindings that can name the function `block`: its own name (a declaration), or the declarator it initialises. */
  function bindingsNaming(block: TSESTree.Node): readonly TSESLint.Scope.Variable[] {
    if (block.type === AST_NODE_TYPES.FunctionDeclaration) return sourceCode.getDeclaredVariables(block);
    if (block.type !== AST_NODE_TYPES.FunctionExpression && block.type !== AST_NODE_TYPES.ArrowFunctionExpression) return [];
    const holder = skipWrapperParents(block).parent;
    return holder?.type === AST_NODE_TYPES.VariableDeclarator ? sourceCode.getDeclaredVariables(holder) : [];
  }

  /**
   * Every identifier in the file that refers to a function of the file, built once on first use
   * from the reference lists of the bindings that name a function: one pass over the file's
   * functions instead of a scope look-up per callee (a big file asks about tens of thousands of calls).
   */
  function functionReferences(): Map<TSESTree.Node, FunctionNode> {
    if (functionsByReference) return functionsByReference;
    functionsByReference = new Map();
    for (const scope of sourceCode.scopeManager?.scopes ?? []) {
      if (scope.type !== 'function') continue;
      for (const variable of bindingsNaming(scope.block)) {
        const fn = localFunctionOfVariable(variable);
        if (fn !== scope.block) continue;
        for (const reference of variable.references) functionsByReference.set(reference.identifier, fn);
      }
    }
    return functionsByReference;
  }

  function variableOf(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    let variable = variables.get(identifier);
    if (variable === undefined) {
      variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      variables.set(identifier, variable);
    }
    return variable;
  }

  return {
    isGlobalReference(identifier) {
      const variable = variableOf(identifier);
      return !variable || variable.defs.length === 0;
    },
    localFunctionOf(callee) {
      const inner = unwrapExpression(callee);
      if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
      return functionReferences().get(inner);
    },
  };
}
