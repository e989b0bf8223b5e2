import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticMemberKey } from './provenance.js';
import { skipWrapperParents, unwrapExpression } from './unwrap.js';

/** `Symbol.for('app.db')`: a registered symbol, the same key on every call. */
function registeredSymbolKey(member: TSESTree.MemberExpression): string | undefined {
  const call = member.computed ? member.property : undefined;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const { object } = call.callee;
  const [argument] = call.arguments;
  const isSymbolFor = object.type === AST_NODE_TYPES.Identifier && object.name === 'Symbol' && staticMemberKey(call.callee) === 'for';
  if (!isSymbolFor || call.arguments.length !== 1 || argument?.type !== AST_NODE_TYPES.Literal || typeof argument.value !== 'string') return undefined;
  return `[Symbol.for(${JSON.stringify(argument.value)})]`;
}

/**
 * A textual key for an assignment target made of static parts only: `client`, `globalThis.prisma`,
 * `this.instance`, `Db.pool`, `globalThis[Symbol.for('app.db')]`. Computed keys (`cache[key]`)
 * have none: they are per-key caches, never one-time initialisation.
 */
export function lazyTargetKey(node: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (inner.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const key = staticMemberKey(inner) ?? registeredSymbolKey(inner);
  const object = lazyTargetKey(inner.object);
  return key === undefined || object === undefined ? undefined : `${object}.${key}`;
}

function isSame(node: TSESTree.Node, key: string): boolean {
  return lazyTargetKey(node) === key;
}

/** `null`, `undefined`, `void 0`: the value of a binding that holds nothing yet. */
export function isNothing(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.Literal) return inner.value === null;
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name === 'undefined';
  return inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === 'void';
}

function isTypeofUndefined(node: TSESTree.Node, other: TSESTree.Node, key: string): boolean {
  const inner = unwrapExpression(node);
  const literal = unwrapExpression(other);
  return (
    inner.type === AST_NODE_TYPES.UnaryExpression &&
    inner.operator === 'typeof' &&
    isSame(inner.argument, key) &&
    literal.type === AST_NODE_TYPES.Literal &&
    literal.value === 'undefined'
  );
}

/** `x == null`, `x === undefined`, `typeof x === 'undefined'` and their mirror images (with `equal` false: `!=`, `!==`). */
function comparesWithNothing(test: TSESTree.BinaryExpression, key: string, equal: boolean): boolean {
  const operators = equal ? ['==', '==='] : ['!=', '!=='];
  if (!operators.includes(test.operator)) return false;
  const { left, right } = test;
  if (left.type === AST_NODE_TYPES.PrivateIdentifier) return false;
  return (
    (isSame(left, key) && isNothing(right)) ||
    (isSame(right, key) && isNothing(left)) ||
    isTypeofUndefined(left, right, key) ||
    isTypeofUndefined(right, left, key)
  );
}

/** A test that holds only while the target is still missing: `!x`, `x == null`, `!x && ready`. */
export function isMissingCheck(test: TSESTree.Node, key: string): boolean {
  const inner = unwrapExpression(test);
  switch (inner.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return inner.operator === '!' && isSame(inner.argument, key);
    case AST_NODE_TYPES.BinaryExpression:
      return comparesWithNothing(inner, key, true);
    case AST_NODE_TYPES.LogicalExpression:
      if (inner.operator === '&&') return isMissingCheck(inner.left, key) || isMissingCheck(inner.right, key);
      return inner.operator === '||' && isMissingCheck(inner.left, key) && isMissingCheck(inner.right, key);
    default:
      return false;
  }
}

/** A test that holds exactly when the target is already there: `x`, `!!x`, `x != null`, `x !== undefined`. */
export function isPresentCheck(test: TSESTree.Node, key: string): boolean {
  const inner = unwrapExpression(test);
  if (isSame(inner, key)) return true;
  switch (inner.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return inner.operator === '!' && isMissingCheck(inner.argument, key);
    case AST_NODE_TYPES.BinaryExpression:
      return comparesWithNothing(inner, key, false);
    case AST_NODE_TYPES.LogicalExpression:
      return inner.operator === '&&' && isPresentCheck(inner.left, key) && isPresentCheck(inner.right, key);
    default:
      return false;
  }
}

function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = statement.body[statement.body.length - 1];
  return last !== undefined && exits(last);
}

/** The flag a test checks directly: `done` in `done`, `!done`, `this.ready`. */
function checkedFlag(test: TSESTree.Node): string | undefined {
  const inner = unwrapExpression(test);
  if (inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === '!') return lazyTargetKey(inner.argument);
  return lazyTargetKey(inner);
}

/** `flag = true;` as one of `statements` (before `end` when given). */
function raisesFlag(statements: readonly TSESTree.Statement[], flag: string, end?: TSESTree.Node): boolean {
  for (const statement of statements) {
    if (statement === end) return false;
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const { left, operator, right } = statement.expression;
    if (operator === '=' && lazyTargetKey(left) === flag && right.type === AST_NODE_TYPES.Literal && right.value === true) return true;
  }
  return false;
}

/**
 * `if (x) return x;` (no `else`) among the statements before `child` in `block`, or a once-guard
 * `if (done) return; done = true;` on any flag.
 */
function hasEarlyReturnBefore(block: TSESTree.BlockStatement, child: TSESTree.Node, key: string): boolean {
  const statements = block.body;
  for (let index = 0; index < statements.length && statements[index] !== child; index++) {
    const statement = statements[index]!;
    if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate || !exits(statement.consequent)) continue;
    if (isPresentCheck(statement.test, key)) return true;
    const flag = checkedFlag(statement.test);
    const isPositive = unwrapExpression(statement.test).type !== AST_NODE_TYPES.UnaryExpression;
    if (flag !== undefined && isPositive && raisesFlag(statements.slice(index + 1), flag, child)) return true;
  }
  return false;
}

/** `if (!done) { done = true; ... }`: the consequent runs once, whatever it assigns. */
function isOnceGuard(statement: TSESTree.IfStatement): boolean {
  const test = unwrapExpression(statement.test);
  if (test.type !== AST_NODE_TYPES.UnaryExpression || test.operator !== '!') return false;
  const flag = checkedFlag(test);
  const consequent = statement.consequent;
  return flag !== undefined && consequent.type === AST_NODE_TYPES.BlockStatement && raisesFlag(consequent.body, flag);
}

function isBoundary(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.StaticBlock:
      return true;
    default:
      return false;
  }
}

/** Whether the statement holding the assignment only runs while the target is missing. */
function isGuardedByMissingCheck(statement: TSESTree.Node, key: string): boolean {
  let child: TSESTree.Node = statement;
  for (let parent = statement.parent; parent && !isBoundary(parent); child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement) {
      const fromConsequent = parent.consequent === child;
      if (isMissingCheck(parent.test, key)) return fromConsequent;
      if (isPresentCheck(parent.test, key)) return !fromConsequent && parent.alternate === child;
      if (fromConsequent && isOnceGuard(parent)) return true;
    }
    if (parent.type === AST_NODE_TYPES.BlockStatement && hasEarlyReturnBefore(parent, child, key)) return true;
  }
  return false;
}

/** The assignment's place in an expression: `x || (x = f())`, `x ? x : (x = f())`, or a statement. */
function isGuardedInExpression(assignment: TSESTree.Node, key: string): boolean {
  const outer = skipWrapperParents(assignment);
  const parent = outer.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === outer) {
    return (parent.operator === '||' || parent.operator === '??') && isSame(parent.left, key);
  }
  if (parent.type === AST_NODE_TYPES.ConditionalExpression) {
    if (parent.alternate === outer) return isPresentCheck(parent.test, key);
    if (parent.consequent === outer) return isMissingCheck(parent.test, key);
    return false;
  }
  if (parent.type === AST_NODE_TYPES.ExpressionStatement || parent.type === AST_NODE_TYPES.ReturnStatement) {
    return isGuardedByMissingCheck(parent, key);
  }
  return false;
}

/** `x = x || f()`, `x = x ?? f()`, `x = x ? x : f()`. */
function keepsExistingValue(right: TSESTree.Node, key: string): boolean {
  const inner = unwrapExpression(right);
  if (inner.type === AST_NODE_TYPES.LogicalExpression) return (inner.operator === '||' || inner.operator === '??') && isSame(inner.left, key);
  if (inner.type === AST_NODE_TYPES.ConditionalExpression) return isPresentCheck(inner.test, key) && isSame(inner.consequent, key);
  return false;
}

/**
 * `true` when the assignment to `target` (an identifier or a member with static keys) is a
 * one-time lazy initialisation of a singleton: `x ??= create()`, `x ||= create()`,
 * `if (!x) x = create()`, `if (x == null) { x = ... }`, `if (x) return x; x = create();`,
 * `return x || (x = create())`, `x = x || create()`, or any assignment behind a once-guard
 * (`if (done) return; done = true; x = create();`, `if (!done) { done = true; x = create(); }`). An assignment in the `else` branch of such
 * a test, or under a test that also lets an existing value be replaced (`if (!x || expired)`),
 * is not one.
 */
export function isLazyInitialisation(target: TSESTree.Node): boolean {
  const key = lazyTargetKey(target);
  if (key === undefined) return false;
  const assignment = skipWrapperParents(target).parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || skipWrapperParents(target) !== assignment.left) return false;
  if (assignment.operator === '??=' || assignment.operator === '||=') return true;
  if (assignment.operator !== '=') return false;
  if (keepsExistingValue(assignment.right, key)) return true;
  return isGuardedInExpression(assignment, key);
}
