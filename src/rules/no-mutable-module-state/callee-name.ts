import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticMemberKey } from '../../analysis/provenance.js';
import { unwrapExpression } from '../../analysis/unwrap.js';

/** The name a call or `new` names: `f` in `f()`, `createClient` in `redis.createClient()`. */
export function calleeName(callee: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(callee);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  return inner.type === AST_NODE_TYPES.MemberExpression ? staticMemberKey(inner) : undefined;
}
