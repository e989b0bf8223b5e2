import { AST_NODE_TYPES, ASTUtils, type JSONSchema, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from './unwrap.js';

/**
 * The `allowStores` option of the store rules: store constructors or factories the team declares
 * shared. `description` says which names the rule matches (it adds its own to the callee's).
 */
export function allowStoresSchema(description: string): JSONSchema.JSONSchema4ArraySchema {
  return { type: 'array', items: { type: 'string' }, uniqueItems: true, description };
}

/**
 * The names a store's constructor or factory goes by at the call, as a team lists it in
 * `allowStores`: the callee as written (`session.MemoryStore`, `FileStore`) and, for a member,
 * the member's own name (`MemoryStore`).
 */
export function storeCalleeNames(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Node): string[] {
  const expression = unwrapExpression(callee);
  const names = [sourceCode.getText(expression)];
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const property = ASTUtils.getPropertyName(expression, sourceCode.getScope(expression));
    if (property !== null) names.push(property);
  }
  return names;
}

/**
 * The `allowStores` check: is any of the names a store goes by (its callee names, and the
 * package or export name the rule knows it by) listed?
 */
export function createStoreAllowList(allowStores: readonly string[] = []): (names: readonly string[]) => boolean {
  const allowed = new Set(allowStores);
  return (names) => allowed.size > 0 && names.some((name) => allowed.has(name));
}
