import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { resolveToDefinition } from '../../analysis/const-binding.js';
import { skipWrapperParents, unwrapExpression } from '../../analysis/unwrap.js';

/**
 * Services often choose their session store at start-up: a shared store in production, memory
 * in development. A process-local store that is one side of such a choice is not claimed to be
 * what production runs; these helpers recognise the choice.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

/** `undefined`, `null` or `void 0`: the middleware then falls back to its default store. */
export function isNoValue(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const value = resolveToDefinition(sourceCode, node);
  if (value.type === AST_NODE_TYPES.Literal) return value.value === null;
  if (value.type === AST_NODE_TYPES.UnaryExpression) return value.operator === 'void';
  if (value.type !== AST_NODE_TYPES.Identifier || value.name !== 'undefined') return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(value), value);
  return !variable || variable.defs.length === 0;
}

function sameCallee(sourceCode: SourceCode, first: TSESTree.Node, second: TSESTree.Node): boolean {
  const a = unwrapExpression(first);
  const b = unwrapExpression(second);
  return a.type === AST_NODE_TYPES.NewExpression && b.type === AST_NODE_TYPES.NewExpression && sourceCode.getText(a.callee) === sourceCode.getText(b.callee);
}

/** A value that is another store than `store`: not the same constructor, not `undefined` (the default store). */
function isOtherStore(sourceCode: SourceCode, store: TSESTree.Node, value: TSESTree.Node): boolean {
  return !sameCallee(sourceCode, store, value) && !isNoValue(sourceCode, value);
}

/**
 * `let store; if (redisUrl) store = new RedisStore(c); else store = new MemoryStore();`: the
 * variable the store is assigned to also receives another store, so this one is a fallback.
 */
function isAssignedAlongsideAnotherStore(sourceCode: SourceCode, store: TSESTree.Node, assignment: TSESTree.AssignmentExpression): boolean {
  if (assignment.left.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(assignment.left), assignment.left);
  if (!variable) return false;
  return variable.references.some((reference) => {
    const written = reference.writeExpr;
    return written !== null && written !== undefined && written !== assignment.right && isOtherStore(sourceCode, store, written);
  });
}

/**
 * `isProd ? new RedisStore(c) : new MemoryStore()`, `redisStore ?? new MemoryStore()`, or a
 * variable assigned either store: the store is one alternative of a choice whose other side is
 * another store, so the service may well run with the shared one. Not claimed when both sides
 * are the same process-local store.
 */
export function isAlternativeOfAnotherStore(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  let child = skipWrapperParents(node);
  for (let parent = child.parent; parent; child = skipWrapperParents(parent), parent = child.parent) {
    if (parent.type === AST_NODE_TYPES.ConditionalExpression && child !== parent.test) {
      const other = child === parent.consequent ? parent.alternate : parent.consequent;
      if (isOtherStore(sourceCode, child, other)) return true;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === child) {
      return parent.operator !== '=' || isAssignedAlongsideAnotherStore(sourceCode, child, parent);
    }
    return parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right;
  }
  return false;
}

/** The other branches of every `if` around `node` in its function: `else` for `then`, `then` for `else`. */
export function otherBranches(node: TSESTree.Node): TSESTree.Statement[] {
  const branches: TSESTree.Statement[] = [];
  let child = node;
  for (let parent = node.parent; parent && !ASTUtils.isFunction(parent); child = parent, parent = parent.parent) {
    if (parent.type !== AST_NODE_TYPES.IfStatement || child === parent.test) continue;
    const other = child === parent.consequent ? parent.alternate : parent.consequent;
    if (other) branches.push(other);
  }
  return branches;
}
