import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from './unwrap.js';

const MAX_HOPS = 16;

/**
 * The variable an identifier refers to, looked up from the identifier's own scope. Returns
 * `undefined` for undeclared globals.
 */
export function findVariableOf(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): TSESLint.Scope.Variable | undefined {
  return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier) ?? undefined;
}

/**
 * The initialiser of a binding whose value never changes after declaration: a `const`, or a
 * `let`/`var` with a single declaration that is never written again. Anything else (parameters,
 * reassigned variables, destructuring, imports) has no single known value and yields `undefined`.
 */
export function getStableInitializer(variable: TSESLint.Scope.Variable): TSESTree.Expression | undefined {
  if (variable.defs.length !== 1) return undefined;
  const [definition] = variable.defs;
  if (definition?.type !== 'Variable') return undefined;
  const declarator = definition.node;
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  const declaration = definition.parent;
  if (declaration.kind !== 'const') {
    const writtenLater = variable.references.some((reference) => reference.isWrite() && !reference.init);
    if (writtenLater) return undefined;
  }
  return declarator.init;
}

/**
 * Follows an expression through stable bindings (`const a = b; const b = {...}`) and type-only
 * wrappers to the expression that produces the value. Returns the unwrapped input itself when
 * it is not an identifier with a stable initialiser.
 */
export function resolveToDefinition(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): TSESTree.Node {
  let current = unwrapExpression(node);
  for (let hop = 0; hop < MAX_HOPS && current.type === AST_NODE_TYPES.Identifier; hop++) {
    const variable = findVariableOf(sourceCode, current);
    const init = variable && getStableInitializer(variable);
    if (!init) return current;
    current = unwrapExpression(init);
  }
  return current;
}

/**
 * The object-pattern property that binds `name`: `{ key: name }`, `{ name }`, `{ key: name = d }`.
 * Its key (`getStaticKeyName` of options-object) says which property of the destructured value
 * the binding holds.
 */
export function getDestructuringProperty(name: TSESTree.Node): TSESTree.Property | undefined {
  let bound: TSESTree.Node = name;
  if (bound.parent?.type === AST_NODE_TYPES.AssignmentPattern && bound.parent.left === bound) bound = bound.parent;
  const property = bound.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== bound || property.parent.type !== AST_NODE_TYPES.ObjectPattern) {
    return undefined;
  }
  return property;
}
