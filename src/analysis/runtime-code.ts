import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { skipWrapperParents } from './unwrap.js';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/**
 * Array methods that call their callback synchronously, before they return: a callback of one
 * of them called while the module loads also runs while the module loads.
 */
const SYNCHRONOUS_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'every',
  'filter',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flatMap',
  'forEach',
  'map',
  'reduce',
  'reduceRight',
  'some',
  'sort',
  'toSorted',
]);

/**
 * Promise reactions: each callback runs at most once, when the promise settles. Attached while
 * the module loads (`connect().then((c) => { client = c; })`), they finish the start-up of the
 * process rather than serve a request.
 */
const ONE_SHOT_PROMISE_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/** Answers "does this code run after the module finished loading?" for one file. */
export interface RunTimeCode {
  /**
   * `true` when `node` runs after module load: inside a function, method, accessor,
   * constructor, instance field initialiser or callback that is not itself part of loading.
   */
  isRunTime(node: TSESTree.Node): boolean;
  /** The innermost function around `node` (its parameters included), or `undefined` at top level. */
  enclosingFunction(node: TSESTree.Node): FunctionNode | undefined;
}

function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

function propertyName(member: TSESTree.Node): string | undefined {
  if (member.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  if (member.computed && member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string') {
    return member.property.value;
  }
  return undefined;
}

/** The call that invokes `fn` immediately: `(function () {})()`, `(() => {})()`, `(function () {}).call(this)`. */
function immediateCallOf(fn: FunctionNode): TSESTree.CallExpression | undefined {
  const outer = skipWrapperParents(fn);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer) return parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
    const name = propertyName(parent);
    const call = skipWrapperParents(parent).parent;
    if ((name === 'call' || name === 'apply') && call?.type === AST_NODE_TYPES.CallExpression && skipWrapperParents(parent) === call.callee) {
      return call;
    }
  }
  return undefined;
}

/** The call that runs `fn` while it is itself evaluated: a synchronous array callback, a promise executor or reaction. */
function synchronousCallerOf(fn: FunctionNode): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.NewExpression) {
    const isExecutor = parent.arguments[0] === fn && parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'Promise';
    return isExecutor ? parent : undefined;
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.some((argument) => argument === fn)) return undefined;
  const callee = parent.callee.type === AST_NODE_TYPES.ChainExpression ? parent.callee.expression : parent.callee;
  const method = propertyName(callee);
  if (method === undefined) return undefined;
  if (SYNCHRONOUS_CALLBACK_METHODS.has(method) && parent.arguments[0] === fn) return parent;
  if (ONE_SHOT_PROMISE_METHODS.has(method)) return parent;
  if (method === 'from' && parent.arguments[1] === fn && callee.type === AST_NODE_TYPES.MemberExpression) {
    const receiver = callee.object;
    return receiver.type === AST_NODE_TYPES.Identifier && receiver.name === 'Array' ? parent : undefined;
  }
  return undefined;
}

/** The binding a function is declared under, when its declaration is not exported. */
function namingVariables(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): readonly TSESLint.Scope.Variable[] | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    if (fn.parent.type === AST_NODE_TYPES.ExportNamedDeclaration || fn.parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return undefined;
    return sourceCode.getDeclaredVariables(fn).filter((variable) => variable.defs.some((definition) => definition.type === 'FunctionName'));
  }
  const declarator = fn.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== fn || declarator.id.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const declaration = declarator.parent;
  if (declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return undefined;
  return sourceCode.getDeclaredVariables(declarator);
}

/** The call of which `identifier` is the callee (`init()`, `await init()`, `init().catch(...)`). */
function callOfCallee(identifier: TSESTree.Node): TSESTree.CallExpression | undefined {
  const outer = skipWrapperParents(identifier);
  const parent = outer.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer ? parent : undefined;
}

/**
 * Builds the run-time analysis of one file. Results per function are cached inside the
 * returned object (create one per file, in the rule's `create`).
 */
export function createRunTimeCode(sourceCode: Readonly<TSESLint.SourceCode>): RunTimeCode {
  const loadTimeFunctions = new Map<FunctionNode, boolean>();
  const loadTimeBodies = new Map<FunctionNode, boolean>();
  let undecidedFunctions = 0;

  /** A function declared at top level and only ever called (directly) while the module loads: `async function init() {...} init();`. */
  function isOnlyCalledAtLoadTime(fn: FunctionNode): boolean {
    const variables = namingVariables(sourceCode, fn);
    if (!variables || variables.length === 0) return false;
    let calls = 0;
    for (const variable of variables) {
      for (const reference of variable.references) {
        if (reference.init) continue;
        const call = callOfCallee(reference.identifier);
        if (!call || !isLoadTime(call)) return false;
        calls++;
      }
    }
    return calls > 0;
  }

  function computeFunctionIsLoadTime(fn: FunctionNode): boolean {
    if (fn.generator) return false;
    const immediate = immediateCallOf(fn);
    if (immediate) return isLoadTime(immediate);
    const caller = synchronousCallerOf(fn);
    if (caller) return isLoadTime(caller);
    return isOnlyCalledAtLoadTime(fn);
  }

  function functionIsLoadTime(fn: FunctionNode): boolean {
    const known = loadTimeFunctions.get(fn);
    if (known !== undefined) return known;
    // Recursion (a function calling itself) must not loop: while undecided, it counts as run time.
    loadTimeFunctions.set(fn, false);
    undecidedFunctions++;
    const result = computeFunctionIsLoadTime(fn);
    undecidedFunctions--;
    loadTimeFunctions.set(fn, result);
    return result;
  }

  /** Whether code directly inside `fn` (not in a nested function) runs while the module loads; cached per function. */
  function bodyIsLoadTime(fn: FunctionNode): boolean {
    const known = loadTimeBodies.get(fn);
    if (known !== undefined) return known;
    const result = functionIsLoadTime(fn) && isLoadTimeAbove(fn);
    // While some function's answer is being computed, it counts as run time for now: keep nothing that rests on that.
    if (undecidedFunctions === 0) loadTimeBodies.set(fn, result);
    return result;
  }

  /** Climbs from `node` to the nearest enclosing function, whose (cached) answer decides. */
  function isLoadTimeAbove(node: TSESTree.Node): boolean {
    let child: TSESTree.Node = node;
    for (let current = node.parent; current; child = current, current = current.parent) {
      if (isFunctionNode(current)) return bodyIsLoadTime(current);
      if (
        (current.type === AST_NODE_TYPES.PropertyDefinition || current.type === AST_NODE_TYPES.AccessorProperty) &&
        current.value === child &&
        !current.static
      ) {
        return false;
      }
    }
    return true;
  }

  function isLoadTime(node: TSESTree.Node): boolean {
    return isLoadTimeAbove(node);
  }

  return {
    isRunTime: (node) => !isLoadTime(node),
    enclosingFunction(node) {
      for (let current = node.parent; current; current = current.parent) {
        if (isFunctionNode(current)) return current;
      }
      return undefined;
    },
  };
}
