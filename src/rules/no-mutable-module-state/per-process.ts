import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isMissingCheck, lazyTargetKey } from '../../analysis/lazy-init.js';
import { localFunctionOfVariable } from '../../analysis/local-function.js';
import { staticMemberKey, staticPropertyKey } from '../../analysis/provenance.js';
import type { FunctionNode, RunTimeCode } from '../../analysis/runtime-code.js';
import { skipWrapperParents, unwrapExpression } from '../../analysis/unwrap.js';
import type { Change } from './change-kind.js';
import {
  CHAINING_HANDLE_METHODS,
  CONNECTION_EVENTS,
  EMPTY_CONTAINER_CONSTRUCTORS,
  CONNECTION_NAME,
  HANDLE_NAME,
  LISTENER_METHODS,
  LISTENER_NAME,
  REQUEST_DATA_NAME,
  TIMER_FUNCTIONS,
} from './catalog.js';
import { calleeName } from './callee-name.js';
import type { WriteContext } from './write-context.js';

/** One run-time change of a piece of module state, before the rule decides whether to report it. */
export interface Candidate {
  readonly node: TSESTree.Node;
  readonly change: Change;
  readonly context: WriteContext;
  /** The variable or the last property written (`lastUser` in `globalThis.lastUser = u`). */
  readonly target: string | undefined;
  /** The function around the write also returns what it wrote: a getter that refreshes a cache. */
  readonly refreshesCache?: boolean;
}

/**
 * Whether a change is state that carries data between requests. Anything in request code is;
 * outside it, only what accumulates or removes (a counter, an `add()` store): replacing a whole
 * value from an exported or unknown function is how configuration is injected (`setIo(io)`),
 * unless the state is named for one user's or request's data (`currentUser = user`) or the function
 * hands back what it stored (a cache refreshed on read: `cached = await db.all(); return cached;`), and
 * start-up and shut-down code changes nothing a request reads back.
 */
export function carriesRequestData(candidate: Candidate): boolean {
  if (candidate.context === 'request') return true;
  if (candidate.context === 'life-cycle') return false;
  const { kind } = candidate.change;
  if (kind === 'replace') return (candidate.target !== undefined && REQUEST_DATA_NAME.test(candidate.target)) || candidate.refreshesCache === true;
  return kind === 'accumulate' || kind === 'remove';
}

/** A parameter of a `server.on('connection', (socket) => ...)` listener: a live connection. */
function isConnectionParameter(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs[0];
  if (definition?.type !== 'Parameter') return false;
  const listener = skipWrapperParents(definition.node);
  const call = listener.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !LISTENER_METHODS.has(calleeName(call.callee) ?? '')) return false;
  const event = call.arguments[0];
  return event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && CONNECTION_EVENTS.has(event.value);
}

/** How far a value is followed through variables and record properties before giving up. */
const MAX_HANDLE_DEPTH = 3;

/** A client, pool, server, timer, live connection or function (a listener, a hook): something the process holds, not data it was given. */
export function isHandleValue(sourceCode: Readonly<TSESLint.SourceCode>, value: TSESTree.Node, depth = 0): boolean {
  let inner = unwrapExpression(value);
  if (inner.type === AST_NODE_TYPES.AwaitExpression) inner = unwrapExpression(inner.argument);
  switch (inner.type) {
    case AST_NODE_TYPES.NewExpression:
      return HANDLE_NAME.test(calleeName(inner.callee) ?? '');
    case AST_NODE_TYPES.CallExpression: {
      const name = calleeName(inner.callee) ?? '';
      if (HANDLE_NAME.test(name) || TIMER_FUNCTIONS.has(name)) return true;
      const callee = unwrapExpression(inner.callee);
      return CHAINING_HANDLE_METHODS.has(name) && callee.type === AST_NODE_TYPES.MemberExpression && isHandleValue(sourceCode, callee.object, depth + 1);
    }
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return true;
    case AST_NODE_TYPES.Identifier:
      return isHandleBinding(sourceCode, inner, depth);
    // `{ id, res }`, `{ ws, connectedAt }`: the record of a live connection; `{ path, handler: limit() }`: a route table entry.
    case AST_NODE_TYPES.ObjectExpression:
      return (
        depth <= 1 &&
        inner.properties.some(
          (property) =>
            property.type === AST_NODE_TYPES.Property &&
            !property.computed &&
            (isHandleValue(sourceCode, property.value, depth + 1) || LISTENER_NAME.test(staticPropertyKey(property) ?? '')),
        )
      );
    default:
      return false;
  }
}

/** `[]`, `{}`, `new Set()`, `new Map()`: an empty container holds no data yet. */
function isEmptyContainer(value: TSESTree.Node): boolean {
  const inner = unwrapExpression(value);
  if (inner.type === AST_NODE_TYPES.ArrayExpression) return inner.elements.length === 0;
  if (inner.type === AST_NODE_TYPES.ObjectExpression) return inner.properties.length === 0;
  return inner.type === AST_NODE_TYPES.NewExpression && inner.arguments.length === 0 && EMPTY_CONTAINER_CONSTRUCTORS.has(calleeName(inner.callee) ?? '');
}

/**
 * An identifier that holds a handle: a parameter named for a connection or a listener (`ws`,
 * `socket`, `handler`), a parameter of a `'connection'` listener, a function of the file, or a
 * variable whose initialiser makes one. A variable named `stream` that holds `req.body` is data.
 */
function isHandleBinding(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier, depth: number): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs[0];
  if (!variable || !definition) return false;
  if (localFunctionOfVariable(variable)) return true;
  if (definition.type === 'Parameter') {
    return (
      CONNECTION_NAME.test(identifier.name) ||
      LISTENER_NAME.test(identifier.name) ||
      isConnectionParameter(sourceCode, identifier) ||
      isPromiseResolver(definition.node)
    );
  }
  if (definition.type !== 'Variable' || definition.node.id !== definition.name || depth >= MAX_HANDLE_DEPTH) return false;
  // `let c = clients.get(region); if (!c) { c = new S3Client({ region }); ... }`: any value it is given that makes a handle.
  const values = [definition.node.init, ...variable.references.map((reference) => reference.writeExpr)];
  return values.some((value) => value !== null && value !== undefined && isHandleValue(sourceCode, value, depth + 1));
}

/** `new Promise((resolve) => waiting.push(resolve))`: the executor's parameters are functions. */
function isPromiseResolver(fn: TSESTree.Node): boolean {
  const call = fn.parent;
  return call?.type === AST_NODE_TYPES.NewExpression && call.arguments[0] === fn && calleeName(call.callee) === 'Promise';
}

/** `push(v)`, `add(v)`, `set(k, v)` made on a bucket as it is made: `(handlers[topic] ??= []).push(handler)`. */
function bucketFilling(node: TSESTree.Node): TSESTree.Node | undefined {
  const outer = skipWrapperParents(node);
  const member = outer.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outer) return undefined;
  const call = skipWrapperParents(member).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== skipWrapperParents(member)) return undefined;
  const method = staticMemberKey(member);
  if (method === 'push' || method === 'add' || method === 'unshift') return call.arguments[0];
  return method === 'set' ? call.arguments[1] : undefined;
}

/**
 * State that only ever holds handles: a timer or server handle (`sweeper = setTimeout(sweep, 60_000)`),
 * one client per key to a backing service (`clients[type] = redis.createClient()`), the live
 * sockets of this process (`sockets.add(ws)`, `delete sockets[id]`), or a registry of listeners and
 * hooks (`subscriptions.set(channel, handler)`). Every process has its own and needs no other's:
 * a function or a socket cannot be shared anyway.
 */
export function holdsOnlyHandles(sourceCode: Readonly<TSESLint.SourceCode>, candidates: readonly Candidate[]): boolean {
  const values: TSESTree.Node[] = [];
  for (const { node, change } of candidates) {
    if (change.value === undefined || change.fromItself || (change.kind !== 'accumulate' && change.kind !== 'replace')) continue;
    // `rooms[id] ||= new Set()`, `subs[ch] = subs[ch] || makeStore()`, `subs[ch] = []`: a bucket made once
    // per key for the entries, which are the insertions that count. A client made once per key is one.
    if (change.entry && !isHandleValue(sourceCode, change.value)) {
      const filling = bucketFilling(node);
      if (filling) values.push(filling);
      continue;
    }
    if (!isEmptyContainer(change.value)) values.push(change.value);
  }
  return values.length > 0 && values.every((value) => isHandleValue(sourceCode, value));
}

function booleanValue(change: Change): boolean | undefined {
  const value = change.value && unwrapExpression(change.value);
  return value?.type === AST_NODE_TYPES.Literal && typeof value.value === 'boolean' ? value.value : undefined;
}

/**
 * An in-process lock: a promise chain (`chain = chain.then(() => write(x))`), a flag that one
 * function raises and lowers again (`busy = true; try { ... } finally { busy = false; }`), or a busy
 * flag raised behind its own check and lowered when the work ends (`if (!polling) { polling = true;
 * poll(); }`). It orders work inside this one process; another process has its own.
 */
export function isInProcessLock(candidates: readonly Candidate[], runTime: RunTimeCode, variable?: TSESLint.Scope.Variable): boolean {
  const isChain = candidates.every(({ change }) => change.chain === true || change.kind === 'reset') && candidates.some(({ change }) => change.chain);
  if (isChain) return true;
  if (candidates.some(({ change }) => booleanValue(change) === undefined && change.kind !== 'reset')) return false;
  const lowerings = candidates.filter(({ change }) => booleanValue(change) !== true);
  // Raised behind its own check (`if (busy) return; busy = true;`, not a change the rule reports) and lowered after.
  if (variable && lowerings.length === candidates.length && lowerings.every(({ node }) => isLoweredAfterRaise(variable, node, runTime))) return true;
  return candidates.some(({ node, change }) => {
    if (booleanValue(change) !== true || lowerings.length === 0) return false;
    const fn = runTime.enclosingFunction(node);
    const statement = node.parent;
    if (!fn || statement?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    // `if (!busy) { busy = true; work(); }`: raised only while lowered, and lowered wherever the work ends.
    if (isRaisedBehindItsCheck(statement, node)) return true;
    // Raised by a statement of the function's own body (not a branch: `if (on) x = true; else x = false;` is a toggle), lowered after it there.
    return statement.parent === fn.body && lowerings.some((lowering) => lowering.node.range[0] > node.range[1] && lowering.node.range[1] <= fn.range[1]);
  });
}

/** `busy = true;` as a statement of the block of `if (!busy) { ... }`. */
function isRaisedBehindItsCheck(statement: TSESTree.ExpressionStatement, raise: TSESTree.Node): boolean {
  const block = statement.parent;
  const guard = block?.parent;
  const key = raise.type === AST_NODE_TYPES.AssignmentExpression ? lazyTargetKey(raise.left) : undefined;
  return block?.type === AST_NODE_TYPES.BlockStatement && guard?.type === AST_NODE_TYPES.IfStatement && guard.consequent === block && key !== undefined && isMissingCheck(guard.test, key);
}

/** A write of `true` to the flag behind its own check, or as a statement of a function that also contains `lowering`, before it. */
function isLoweredAfterRaise(variable: TSESLint.Scope.Variable, lowering: TSESTree.Node, runTime: RunTimeCode): boolean {
  return variable.references.some((reference) => {
    const assignment = reference.identifier.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== reference.identifier) return false;
    const value = unwrapExpression(assignment.right);
    const fn = runTime.enclosingFunction(assignment);
    const statement = assignment.parent;
    const raises = value.type === AST_NODE_TYPES.Literal && value.value === true;
    if (!raises || !fn || statement?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
    if (isRaisedBehindItsCheck(statement, assignment)) return true;
    return statement.parent === fn.body && assignment.range[1] < lowering.range[0] && lowering.range[1] <= fn.range[1];
  });
}

/** `x = ...` as a statement of `fn`'s own body (or the initialiser of a `for` there), reading nothing of `x` itself. */
function isUnconditionalFirstWrite(reference: TSESLint.Scope.Reference, fn: FunctionNode, references: readonly TSESLint.Scope.Reference[]): boolean {
  const assignment = reference.identifier.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.left !== reference.identifier) return false;
  if (references.some((other) => other !== reference && other.identifier.range[0] >= assignment.right.range[0] && other.identifier.range[1] <= assignment.right.range[1])) {
    return false;
  }
  let statement: TSESTree.Node = assignment;
  while (statement.parent?.type === AST_NODE_TYPES.SequenceExpression) statement = statement.parent;
  const holder = statement.parent;
  const isStatement = holder?.type === AST_NODE_TYPES.ExpressionStatement || (holder?.type === AST_NODE_TYPES.ForStatement && holder.init === statement);
  return isStatement && holder.parent === fn.body;
}

/**
 * A scratch variable: in every function that uses it, it is first set by a plain statement of the
 * function's body (`i = 0;` at the top of `decode`), or the function only runs from such a
 * function after that statement. Nothing carries from one call to the next. Asynchronous functions
 * and generators can be interleaved, so they never qualify.
 */
export function isScratchVariable(sourceCode: Readonly<TSESLint.SourceCode>, variable: TSESLint.Scope.Variable, runTime: RunTimeCode): boolean {
  const definition = variable.defs[0];
  if (variable.defs.length !== 1 || definition?.type !== 'Variable' || definition.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
  const byFunction = new Map<FunctionNode, TSESLint.Scope.Reference[]>();
  for (const reference of variable.references) {
    if (reference.init) continue;
    const fn = runTime.enclosingFunction(reference.identifier);
    if (!fn || fn.async || fn.generator) return false;
    const list = byFunction.get(fn) ?? [];
    list.push(reference);
    byFunction.set(fn, list);
  }
  if (byFunction.size === 0) return false;
  /** Where each writing function sets the variable first: later calls in it see a fresh value. */
  const firstWrites = new Map<FunctionNode, number>();
  for (const [fn, references] of byFunction) {
    const [first] = references;
    // A function that only writes the variable is not using it as scratch: someone else reads what it left.
    if (first && references.length > 1 && isUnconditionalFirstWrite(first, fn, references)) firstWrites.set(fn, first.identifier.range[1]);
  }
  if (firstWrites.size === 0) return false;
  const verdicts = new Map<FunctionNode, boolean>();
  const runsAfterWrite = (fn: FunctionNode): boolean => {
    if (firstWrites.has(fn)) return true;
    const known = verdicts.get(fn);
    if (known !== undefined) return known;
    verdicts.set(fn, false);
    const verdict = isCalledOnlyAfterWrite(fn);
    verdicts.set(fn, verdict);
    return verdict;
  };
  const isCalledOnlyAfterWrite = (fn: FunctionNode): boolean => {
    const outer = skipWrapperParents(fn);
    const holder = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : outer.parent;
    if (holder?.type !== AST_NODE_TYPES.FunctionDeclaration && holder?.type !== AST_NODE_TYPES.VariableDeclarator) return false;
    if (holder.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || holder.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
    const references = sourceCode.getDeclaredVariables(holder).flatMap((naming) => naming.references.filter((reference) => !reference.init));
    return (
      references.length > 0 &&
      references.every((reference) => {
        const callee = skipWrapperParents(reference.identifier);
        if (callee.parent?.type !== AST_NODE_TYPES.CallExpression || callee.parent.callee !== callee) return false;
        const caller = runTime.enclosingFunction(callee.parent);
        if (!caller || caller === fn) return false;
        const writeEnd = firstWrites.get(caller);
        return writeEnd !== undefined ? callee.range[0] > writeEnd : runsAfterWrite(caller);
      })
    );
  };
  return [...byFunction.keys()].every(runsAfterWrite);
}

/**
 * The static keys of what `fn` returns (`cached` for `return cached;` or `return (cached = load())`),
 * outside nested functions: a function that returns the state it stores is a read-through cache
 * of data, not an injected setting.
 */
export function returnedStateKeys(fn: FunctionNode): ReadonlySet<string> {
  const keys = new Set<string>();
  const add = (node: TSESTree.Node): void => {
    const key = lazyTargetKey(assignedOrSelf(node));
    if (key !== undefined) keys.add(key);
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    add(fn.body);
    return keys;
  }
  // A return is a statement, so only statements are visited: expressions (and the functions in them) are skipped whole.
  const pending: TSESTree.Statement[] = [fn.body];
  for (let statement = pending.pop(); statement; statement = pending.pop()) {
    if (statement.type === AST_NODE_TYPES.ReturnStatement) {
      if (statement.argument) add(statement.argument);
    } else {
      pending.push(...nestedStatements(statement));
    }
  }
  return keys;
}

/** The statements directly inside a compound statement (a block, a branch, a loop body, a `try`, a `case`). */
function nestedStatements(statement: TSESTree.Statement): readonly TSESTree.Statement[] {
  switch (statement.type) {
    case AST_NODE_TYPES.BlockStatement:
      return statement.body;
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate ? [statement.consequent, statement.alternate] : [statement.consequent];
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.LabeledStatement:
    case AST_NODE_TYPES.WithStatement:
      return [statement.body];
    case AST_NODE_TYPES.TryStatement:
      return [statement.block, ...(statement.handler ? [statement.handler.body] : []), ...(statement.finalizer ? [statement.finalizer] : [])];
    case AST_NODE_TYPES.SwitchStatement:
      return statement.cases.flatMap((switchCase) => switchCase.consequent);
    default:
      return [];
  }
}

/** `x` for `x`, `(x = load())` and `await x`. */
function assignedOrSelf(node: TSESTree.Node): TSESTree.Node {
  let inner = unwrapExpression(node);
  if (inner.type === AST_NODE_TYPES.AwaitExpression) inner = unwrapExpression(inner.argument);
  return inner.type === AST_NODE_TYPES.AssignmentExpression ? inner.left : inner;
}
