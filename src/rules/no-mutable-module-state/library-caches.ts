import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from '../../analysis/unwrap.js';
import { IN_MEMORY_CACHE_PACKAGES } from './catalog.js';

/** The package a `require('pkg')` call (or `require('pkg').X`) loads. */
function requiredPackage(node: TSESTree.Node | null): string | undefined {
  let inner = node && unwrapExpression(node);
  if (inner?.type === AST_NODE_TYPES.MemberExpression) inner = unwrapExpression(inner.object);
  if (inner?.type !== AST_NODE_TYPES.CallExpression || inner.callee.type !== AST_NODE_TYPES.Identifier || inner.callee.name !== 'require') return undefined;
  const [argument] = inner.arguments;
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : undefined;
}

/**
 * Whether a constructor is a class of an in-memory cache package (`import { LRUCache } from
 * 'lru-cache'`, `const NodeCache = require('node-cache')`, `const { LRUCache } = require('lru-cache')`).
 */
export function isInMemoryCacheClass(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Identifier): boolean {
  const definition = ASTUtils.findVariable(sourceCode.getScope(callee), callee)?.defs[0];
  if (definition?.type === 'ImportBinding') {
    const declaration = definition.parent;
    return declaration.type === AST_NODE_TYPES.ImportDeclaration && IN_MEMORY_CACHE_PACKAGES.has(declaration.source.value);
  }
  if (definition?.type !== 'Variable') return false;
  const source = requiredPackage(definition.node.init);
  return source !== undefined && IN_MEMORY_CACHE_PACKAGES.has(source);
}
