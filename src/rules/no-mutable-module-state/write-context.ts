import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isMissingCheck, isPresentCheck } from '../../analysis/lazy-init.js';
import { containsNode } from '../../analysis/node-range.js';
import { staticMemberKey, staticPropertyKey } from '../../analysis/provenance.js';
import type { FunctionNode, RunTimeCode } from '../../analysis/runtime-code.js';
import { skipWrapperParents, unwrapExpression } from '../../analysis/unwrap.js';
import {
  APPLICATION_HOOKS,
  HTTP_CLIENT_NAMES,
  LIFE_CYCLE_EVENTS,
  LISTENER_METHODS,
  RECURRING_CALLBACKS,
  REQUEST_DECORATORS,
  REQUEST_PARAMETERS,
  REQUEST_PROPERTY_KEYS,
  RESPONSE_PARAMETERS,
  RESOLVER_MAP_KEYS,
  ROUTE_METHODS,
  START_UP_CALLBACK_METHODS,
  SOCKET_IO_SERVER_NAMES,
  START_UP_NAME,
} from './catalog.js';
import { calleeName } from './callee-name.js';
import type { ProcessLifetimeClasses } from './process-lifetime.js';

/**
 * When a run-time write runs, as far as the file tells:
 * - `request`: per request, message, event or recurring job (a route, a listener, `setInterval`, a
 *   function taking `(req, res)`, or code those call);
 * - `life-cycle`: while the process, a server or a connection starts or stops (`init()`, a
 *   `SIGTERM` or `close` listener, a `listen` callback, a Nest life-cycle hook, the constructor of a
 *   class whose one instance lives as long as the process, a function only called behind a once-flag);
 * - `unknown`: an exported function or a callback the file says nothing about.
 */
export type WriteContext = 'request' | 'life-cycle' | 'unknown';

export interface WriteContexts {
  contextOf(node: TSESTree.Node): WriteContext;
}

type Evidence = Exclude<WriteContext, 'unknown'> | undefined;

/** How far up a resolver map a resolver may sit: `Query: { user: { resolve() {} } }`. */
const MAX_RESOLVER_DEPTH = 3;

function isFunctionNode(node: TSESTree.Node | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** `process` in `process.on(...)`: the name of the object a method is called on, when it is an identifier. */
function receiverNameOf(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  const receiver = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : undefined;
  return receiver?.type === AST_NODE_TYPES.Identifier ? receiver.name : undefined;
}

function stringArgument(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): string | undefined {
  const argument = call.arguments[index];
  if (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string') return argument.value;
  if (argument?.type === AST_NODE_TYPES.TemplateLiteral && argument.expressions.length === 0) return argument.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function parameterName(fn: FunctionNode, index: number): string | undefined {
  const parameter = fn.params[index];
  if (parameter?.type === AST_NODE_TYPES.Identifier) return parameter.name;
  if (parameter?.type === AST_NODE_TYPES.AssignmentPattern && parameter.left.type === AST_NODE_TYPES.Identifier) return parameter.left.name;
  return undefined;
}

/** `(req, res)`, `(request, reply)`, a GraphQL resolver `(parent, args, context)`, a Lambda handler `(event, context)`. */
function hasRequestParameters(fn: FunctionNode): boolean {
  const [first, second, third] = [parameterName(fn, 0), parameterName(fn, 1), parameterName(fn, 2)];
  if ((first && REQUEST_PARAMETERS.has(first)) || (second && RESPONSE_PARAMETERS.has(second))) return true;
  if (second === 'args' && (third === 'context' || third === 'ctx')) return true;
  // Koa's `(ctx, next)`; a Lambda handler `(event, context)` or `handler(event)`.
  if ((first === 'ctx' && fn.params.length <= 2) || second === 'ctx') return true;
  return first === 'event' && (second === 'context' || functionName(fn) === 'handler');
}

/** The name a function is known by: its own, its binding's, its property's or method's, or the member it is assigned to (`exports.init = ...`). */
function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  const outer = skipWrapperParents(fn);
  const parent = outer.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.value === outer ? staticPropertyKey(parent) : undefined;
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.right !== outer) return undefined;
      if (parent.left.type === AST_NODE_TYPES.Identifier) return parent.left.name;
      return parent.left.type === AST_NODE_TYPES.MemberExpression ? staticMemberKey(parent.left) : undefined;
    default:
      return undefined;
  }
}

function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expression = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
  return calleeName(expression);
}

/** The first identifier a test checks: `ready` in `!ready`, `ready === false`, `!ready && x`. */
function testedIdentifier(test: TSESTree.Node): TSESTree.Identifier | undefined {
  const inner = unwrapExpression(test);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier:
      return inner;
    case AST_NODE_TYPES.UnaryExpression:
      return testedIdentifier(inner.argument);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return inner.left.type === AST_NODE_TYPES.PrivateIdentifier ? undefined : testedIdentifier(inner.left);
    default:
      return undefined;
  }
}

/** `flag = false`, `flag = null`, `flag = 0`, `flag = undefined`. */
function lowersFlag(identifier: TSESTree.Node): boolean {
  const assignment = identifier.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== identifier) return false;
  const value = unwrapExpression(assignment.right);
  if (value.type === AST_NODE_TYPES.Literal) return !value.value;
  return value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined';
}


export function createWriteContexts(
  sourceCode: Readonly<TSESLint.SourceCode>,
  runTime: RunTimeCode,
  lifetimeClasses: ProcessLifetimeClasses,
): WriteContexts {
  const evidence = new Map<FunctionNode, Evidence | 'pending'>();

  /** The bindings that name `fn`, when it is declared into one (a declaration, `const f = () => {}`). */
  function namingVariables(fn: FunctionNode): readonly TSESLint.Scope.Variable[] | undefined {
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
      return sourceCode.getDeclaredVariables(fn).filter((variable) => variable.defs.some((definition) => definition.type === 'FunctionName'));
    }
    const holder = skipWrapperParents(fn).parent;
    if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) return sourceCode.getDeclaredVariables(holder);
    return undefined;
  }

  /** Where the function value is used: its references when it is bound to a name, else its own position. */
  function usagesOf(fn: FunctionNode): TSESTree.Node[] {
    const variables = namingVariables(fn);
    if (!variables) return [skipWrapperParents(fn)];
    return variables.flatMap((variable) => variable.references.filter((reference) => !reference.init).map((reference) => reference.identifier));
  }

  /**
   * A listener runs per event, unless the event is a life-cycle one. A life-cycle event of an object
   * that request code listens on (`req.on('end')`, `socket.on('disconnect')` inside a connection
   * handler, busboy's `'close'`) ends that request, so its listener is request code too.
   */
  function listenerEvidence(call: TSESTree.CallExpression): Evidence {
    const event = stringArgument(call, 0);
    if (event === undefined) return undefined;
    const receiverName = receiverNameOf(call);
    // Everything `process` emits (signals, exit, PM2's 'shutdown' message) is its life cycle; socket.io's `io.on('connect')` is `'connection'`.
    if (receiverName === 'process') return 'life-cycle';
    if (!LIFE_CYCLE_EVENTS.has(event) || (event === 'connect' && SOCKET_IO_SERVER_NAMES.has(receiverName ?? ''))) return 'request';
    return contextOf(call) === 'request' ? 'request' : 'life-cycle';
  }

  /** What registering a function as argument of `call` says about when it runs. */
  function registrationEvidence(call: TSESTree.CallExpression | TSESTree.NewExpression): Evidence {
    const name = calleeName(call.callee);
    if (name === undefined) return undefined;
    if (call.type === AST_NODE_TYPES.NewExpression) return name === 'CronJob' || name === 'Worker' ? 'request' : undefined;
    const isMethod = unwrapExpression(call.callee).type === AST_NODE_TYPES.MemberExpression;
    if (isMethod && LISTENER_METHODS.has(name)) return listenerEvidence(call);
    if (isMethod && name === 'addHook') {
      const hook = stringArgument(call, 0);
      if (hook === undefined) return undefined;
      return APPLICATION_HOOKS.has(hook) ? 'life-cycle' : 'request';
    }
    if (isMethod && ROUTE_METHODS.has(name) && (name === 'use' || call.arguments.length >= 2) && !HTTP_CLIENT_NAMES.has(receiverNameOf(call) ?? '')) {
      return 'request';
    }
    if (isMethod && START_UP_CALLBACK_METHODS.has(name)) return 'life-cycle';
    if (RECURRING_CALLBACKS.has(name) && (isMethod || name === 'setInterval')) return 'request';
    return undefined;
  }

  /** A function below a route-object key (`handler`) or in a GraphQL resolver map. */
  function propertyEvidence(property: TSESTree.Property): Evidence {
    const key = staticPropertyKey(property);
    if (key !== undefined && REQUEST_PROPERTY_KEYS.has(key)) return 'request';
    let object: TSESTree.Node = property.parent;
    for (let depth = 0; depth < MAX_RESOLVER_DEPTH && object.type === AST_NODE_TYPES.ObjectExpression; depth++) {
      const holder: TSESTree.Node | undefined = skipWrapperParents(object).parent;
      if (holder?.type === AST_NODE_TYPES.Property && holder.value === skipWrapperParents(object)) {
        const holderKey = staticPropertyKey(holder);
        if (holderKey !== undefined && RESOLVER_MAP_KEYS.has(holderKey)) return 'request';
        object = holder.parent;
        continue;
      }
      const isResolverMap = (name: string): boolean => RESOLVER_MAP_KEYS.has(name) || /resolvers$/iu.test(name);
      if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier && isResolverMap(holder.id.name)) {
        return 'request';
      }
      return undefined;
    }
    return undefined;
  }

  function methodEvidence(method: TSESTree.MethodDefinition | TSESTree.PropertyDefinition): Evidence {
    if ((method.decorators ?? []).some((decorator) => REQUEST_DECORATORS.has(decoratorName(decorator) ?? ''))) return 'request';
    if (method.type === AST_NODE_TYPES.MethodDefinition && method.kind === 'constructor') {
      // The one instance of a process-lifetime class is made while the service starts.
      return lifetimeClasses.madeBy(method.parent.parent) ? 'life-cycle' : undefined;
    }
    return undefined;
  }

  /** What one use of a function value says: a call inherits its caller's context, a registration decides by the registrar. */
  function usageEvidence(usage: TSESTree.Node): Evidence {
    let outer = skipWrapperParents(usage);
    // `app.get('/', [auth, handler])`, `router.use(cond ? a : b)`: the list or choice is what gets registered.
    while (outer.parent?.type === AST_NODE_TYPES.ArrayExpression || outer.parent?.type === AST_NODE_TYPES.ConditionalExpression) {
      outer = skipWrapperParents(outer.parent);
    }
    const parent = outer.parent;
    switch (parent?.type) {
      case AST_NODE_TYPES.CallExpression:
        if (parent.callee === outer) {
          const context = contextOf(parent);
          return context === 'unknown' ? undefined : context;
        }
        return registrationEvidence(parent);
      case AST_NODE_TYPES.NewExpression:
        return parent.callee === outer ? undefined : registrationEvidence(parent);
      case AST_NODE_TYPES.Property:
        return parent.value === outer ? propertyEvidence(parent) : undefined;
      case AST_NODE_TYPES.MethodDefinition:
      case AST_NODE_TYPES.PropertyDefinition:
        return parent.value === outer ? methodEvidence(parent) : undefined;
      default:
        return undefined;
    }
  }

  /**
   * The flag test that `child` (a branch of `node`) only runs behind while the flag is unset:
   * `if (!ready) ...`, `if (ready) {} else ...`, `ready ? use() : setUp()`, `ready || setUp()`.
   */
  function guardOf(node: TSESTree.Node, child: TSESTree.Node): { flag: TSESTree.Identifier; branch: TSESTree.Node } | undefined {
    let test: TSESTree.Node | undefined;
    let whenMissing = true;
    if (node.type === AST_NODE_TYPES.IfStatement || node.type === AST_NODE_TYPES.ConditionalExpression) {
      if (node.test === child) return undefined;
      test = node.test;
      whenMissing = node.consequent === child;
    } else if (node.type === AST_NODE_TYPES.LogicalExpression && node.right === child && (node.operator === '||' || node.operator === '&&')) {
      test = node.left;
      whenMissing = node.operator === '&&';
    }
    const flag = test && testedIdentifier(test);
    if (!test || !flag) return undefined;
    const guards = whenMissing ? isMissingCheck(test, flag.name) : isPresentCheck(test, flag.name);
    return guards ? { flag, branch: child } : undefined;
  }

  /**
   * Whether the flag's binding is set inside one of `places`, and never lowered again: a flag that
   * goes back to `false` (`polling = false` when a poll ends) is a busy flag, not a once-flag.
   */
  function isSetBy(flag: TSESTree.Identifier, places: readonly TSESTree.Node[]): boolean {
    const variable = sourceCode.getScope(flag).references.find((candidate) => candidate.identifier === flag)?.resolved;
    const setters = variable?.references.filter((candidate) => candidate.isWrite() && !candidate.init) ?? [];
    if (setters.some((setter) => lowersFlag(setter.identifier))) return false;
    return setters.some((setter) => places.some((place) => containsNode(place, setter.identifier)));
  }

  /**
   * A function every call of which sits behind a check that a module flag is still unset, where the
   * flag is set by the function or the guarded branch: `if (!ready) prepare();`,
   * `ready ? use() : await prepare()`. It runs once.
   */
  function isOnceGuarded(fn: FunctionNode): boolean {
    const variables = namingVariables(fn);
    const calls = variables?.flatMap((variable) => variable.references.filter((reference) => !reference.init)) ?? [];
    return (
      calls.length > 0 &&
      calls.every((reference) => {
        const callee = skipWrapperParents(reference.identifier);
        const call = callee.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) return false;
        let child: TSESTree.Node = call;
        for (let current: TSESTree.Node | undefined = call.parent; current && !isFunctionNode(current); child = current, current = current.parent) {
          const guard = guardOf(current, child);
          if (guard && isSetBy(guard.flag, [fn, guard.branch])) return true;
        }
        return false;
      })
    );
  }

  function computeEvidence(fn: FunctionNode): Evidence {
    if (hasRequestParameters(fn)) return 'request';
    if (isOnceGuarded(fn)) return 'life-cycle';
    let lifeCycle = false;
    for (const usage of usagesOf(fn)) {
      const found = usageEvidence(usage);
      if (found === 'request') return 'request';
      if (found === 'life-cycle') lifeCycle = true;
    }
    if (lifeCycle) return 'life-cycle';
    const name = functionName(fn);
    return name !== undefined && START_UP_NAME.test(name) ? 'life-cycle' : undefined;
  }

  function evidenceOf(fn: FunctionNode): Evidence {
    const known = evidence.get(fn);
    if (known === 'pending') return undefined;
    if (known !== undefined || evidence.has(fn)) return known;
    // Mutual calls (a handler calling a helper that calls it back) must not loop: while open, a function says nothing.
    evidence.set(fn, 'pending');
    const found = computeEvidence(fn);
    evidence.set(fn, found);
    return found;
  }

  function contextOf(node: TSESTree.Node): WriteContext {
    for (let current = node.parent; current; current = current.parent) {
      if (!isFunctionNode(current)) continue;
      const found = evidenceOf(current);
      if (found) return found;
    }
    return 'unknown';
  }

  return { contextOf };
}
