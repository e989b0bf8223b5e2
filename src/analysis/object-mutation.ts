import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVariableOf, getStableInitializer } from './const-binding.js';
import { skipWrapperParents, unwrapExpression } from './unwrap.js';

const MAX_HOPS = 16;

/** Functions that copy properties into their first argument: `Object.assign(opts, ...)`, lodash `_.merge(opts, ...)`, `_.set(opts, 'k', v)`. */
const MUTATING_FUNCTIONS: ReadonlySet<string> = new Set([
  'assign',
  'defineProperty',
  'defineProperties',
  'merge',
  'mergeWith',
  'defaults',
  'defaultsDeep',
  'extend',
  'set',
]);

type SourceCode = Readonly<TSESLint.SourceCode>;

function calleeName(sourceCode: SourceCode, callee: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(callee);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    return ASTUtils.getPropertyName(expression, sourceCode.getScope(expression)) ?? undefined;
  }
  return undefined;
}

/** `x.key = v`, `x[k] = v` (an unknown `k` may be `key`), `x.key ??= v`, `[x.key] = ...`. */
function writesKey(sourceCode: SourceCode, member: TSESTree.MemberExpression, key: string): boolean {
  const target = skipWrapperParents(member);
  const parent = target.parent;
  const isWritten =
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === target) ||
    (parent?.type === AST_NODE_TYPES.ArrayPattern) ||
    (parent?.type === AST_NODE_TYPES.Property && parent.value === target && parent.parent.type === AST_NODE_TYPES.ObjectPattern);
  if (!isWritten) return false;
  const name = ASTUtils.getPropertyName(member, sourceCode.getScope(member));
  return name === null || name === key;
}

/** One read of the object's binding: does it add or set `key` on the object? */
function referenceMayWrite(sourceCode: SourceCode, identifier: TSESTree.Node, key: string): boolean {
  const holder = skipWrapperParents(identifier);
  const parent = holder.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === holder) return writesKey(sourceCode, parent, key);
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === holder) {
    const name = calleeName(sourceCode, parent.callee);
    return name !== undefined && MUTATING_FUNCTIONS.has(name);
  }
  return false;
}

/**
 * Whether `key` may be added to the object an expression evaluates to after the object literal
 * was written: `opts.store = new RedisStore()` in a later `if`, `Object.assign(opts, { store })`,
 * `_.set(opts, 'store', s)`, through every binding of the `const` chain from `expression` to the
 * literal. An options lookup that answered "absent" must not be trusted when this is true.
 */
export function mayGainProperty(sourceCode: SourceCode, expression: TSESTree.Node | undefined, key: string): boolean {
  let current = expression && unwrapExpression(expression);
  for (let hop = 0; hop < MAX_HOPS && current?.type === AST_NODE_TYPES.Identifier; hop++) {
    const variable = findVariableOf(sourceCode, current);
    if (!variable) return false;
    for (const reference of variable.references) {
      if (reference.init || !reference.isRead()) continue;
      if (referenceMayWrite(sourceCode, reference.identifier, key)) return true;
    }
    const init = getStableInitializer(variable);
    current = init && unwrapExpression(init);
  }
  return false;
}
