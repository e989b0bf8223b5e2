import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/**
 * Every `this` inside `root`, not looking into the nodes `enters` refuses (nested functions and
 * classes, whose `this` is another object). Only the few subtrees that can hold the state of a
 * process-lifetime object are walked this way, instead of listening to every `this` of every file.
 */
export function thisExpressionsIn(
  sourceCode: Readonly<TSESLint.SourceCode>,
  root: TSESTree.Node,
  enters: (node: TSESTree.Node) => boolean,
): TSESTree.ThisExpression[] {
  const found: TSESTree.ThisExpression[] = [];
  const pending: TSESTree.Node[] = [root];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === AST_NODE_TYPES.ThisExpression) {
      found.push(node);
      continue;
    }
    if (node !== root && !enters(node)) continue;
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (let index = child.length - 1; index >= 0; index--) if (isNode(child[index])) pending.push(child[index] as TSESTree.Node);
      } else if (isNode(child)) {
        pending.push(child);
      }
    }
  }
  return found;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function isClass(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression;
}

function isStaticMember(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.AccessorProperty:
      return node.static;
    case AST_NODE_TYPES.StaticBlock:
      return true;
    default:
      return false;
  }
}

/**
 * Inside a class body: its instance members and the arrows in them, not static members, nested
 * classes, or functions other than the members' own (`function () { this }` has its own `this`).
 */
export function entersInstanceCode(node: TSESTree.Node): boolean {
  if (isClass(node) || isStaticMember(node) || node.type === AST_NODE_TYPES.FunctionDeclaration) return false;
  return node.type !== AST_NODE_TYPES.FunctionExpression || node.parent.type === AST_NODE_TYPES.MethodDefinition;
}

/** Inside a method of an object literal: its body and the arrows in it, not nested functions or classes. */
export function entersMethodBody(node: TSESTree.Node): boolean {
  return !isClass(node) && node.type !== AST_NODE_TYPES.FunctionDeclaration && node.type !== AST_NODE_TYPES.FunctionExpression;
}
