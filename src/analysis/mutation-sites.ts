import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { BindingIndex } from './binding-index.js';
import { staticMemberKey, staticPropertyKey } from './provenance.js';
import { skipWrapperParents } from './unwrap.js';

/**
 * One step from a value down to a part of it: a property (`key` undefined when computed at run
 * time), or, with `element`, an element reached in a way that only makes sense for a container
 * (`map.get(k)`, `list.find(f)`, `for (const item of list)`, `list.forEach((item) => ...)`).
 */
export interface PathSegment {
  readonly key: string | undefined;
  readonly element: boolean;
}

interface SiteBase {
  readonly path: readonly PathSegment[];
  /**
   * The outermost call that handed the value to a helper function of the file
   * (`addUser(users, u)` with `function addUser(map, u) { map.set(u.id, u); }`): the change
   * happens when, and because, that call runs.
   */
  readonly via?: TSESTree.CallExpression;
}

export type MutationSite =
  /** An assignment, `++`/`--`, `delete`, destructuring or for-in/of target whose target is the member at `path`. */
  | (SiteBase & { readonly kind: 'write'; readonly node: TSESTree.Node; readonly target: TSESTree.Node })
  /** A call of `method` on the value at `path` (the receiver). */
  | (SiteBase & { readonly kind: 'method'; readonly node: TSESTree.CallExpression; readonly method: string })
  /** `Object.assign(value, ...)`, `Reflect.set(value, ...)` and the like, with the value at `path` as target. */
  | (SiteBase & { readonly kind: 'function'; readonly node: TSESTree.CallExpression; readonly name: string });

/** Functions that change the object passed as their first argument. */
const MUTATING_FUNCTIONS: Readonly<Record<string, ReadonlySet<string>>> = {
  Object: new Set(['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf']),
  Reflect: new Set(['set', 'defineProperty', 'deleteProperty', 'setPrototypeOf']),
};

/** Methods that return an element of their receiver (not a copy): a change to the result changes the container's content. */
const ELEMENT_ACCESS_METHODS: ReadonlySet<string> = new Set(['get', 'at', 'find', 'findLast']);

const MAX_ALIAS_DEPTH = 6;

export interface MutationSiteOptions {
  /** Whether writes through this binding (a `const` alias of the value) are followed. */
  readonly followAlias: (variable: TSESLint.Scope.Variable) => boolean;
  /** Global names and helper functions of the file. */
  readonly bindings: BindingIndex;
  /** Per-file memo of the sites reached through each parameter of each helper function (create it per file). */
  readonly helperSites?: Map<TSESTree.Node, (readonly MutationSite[])[]>;
  /** Per-file memo of the function parameters of each request-object name (`req`), so the scopes are listed once per file. */
  readonly requestParameters?: Map<string, readonly TSESLint.Scope.Variable[]>;
  /** Whether to follow the value (or its part at `path`), handed over by `call`, into helper functions; default `true`. */
  readonly followHelpers?: boolean | ((path: readonly PathSegment[], call: TSESTree.CallExpression) => boolean);
  /** The method names a `method` site is made for (default: all); a call of any other method ends the walk there. */
  readonly methods?: ReadonlySet<string>;
}

function isFunction(node: TSESTree.Node | undefined): node is TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression {
  return node?.type === AST_NODE_TYPES.FunctionExpression || node?.type === AST_NODE_TYPES.ArrowFunctionExpression;
}

/** `true` when `node` is (inside) a destructuring pattern that is the target of an assignment or a for-in/of loop. */
function isDestructuringTarget(node: TSESTree.Node): boolean {
  let current = node;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.Property:
        if (parent.value !== current || parent.parent.type !== AST_NODE_TYPES.ObjectPattern) return false;
        current = parent.parent;
        break;
      case AST_NODE_TYPES.ArrayPattern:
      case AST_NODE_TYPES.RestElement:
        current = parent;
        break;
      case AST_NODE_TYPES.AssignmentPattern:
        if (parent.left !== current) return false;
        current = parent;
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        return parent.left === current && current !== node;
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
        return parent.left === current && current !== node;
      default:
        return false;
    }
  }
}

/** The member write `parent` makes on `target`, if it makes one. */
function writeOn(target: TSESTree.Node): TSESTree.Node | undefined {
  const parent = target.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.left === target ? parent : undefined;
    case AST_NODE_TYPES.UpdateExpression:
      return parent;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === 'delete' ? parent : undefined;
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForInStatement:
      return parent.left === target ? target : undefined;
    default:
      return isDestructuringTarget(target) ? target : undefined;
  }
}

/** The path of keys from a binding pattern's root down to identifier `name`, or `undefined` when it goes through a rest element. */
function bindingPath(pattern: TSESTree.Node, name: TSESTree.Node): PathSegment[] | undefined {
  const path: PathSegment[] = [];
  let current: TSESTree.Node = name;
  while (current !== pattern) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.Property && parent.value === current) path.unshift({ key: staticPropertyKey(parent), element: false });
    else if (parent.type === AST_NODE_TYPES.ArrayPattern) path.unshift({ key: undefined, element: true });
    else if (parent.type !== AST_NODE_TYPES.AssignmentPattern && parent.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
    current = parent;
  }
  return path;
}

function isReassigned(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((reference) => reference.isWrite() && !reference.init);
}

/**
 * A cheap first look at the parent of a reference: only a member access, an argument, an
 * initialiser, an assigned value or a for-of source can lead to a change. Lets callers skip most
 * references (calls, operands, returns) without starting a walk. A call of a method that changes
 * nothing (`logger.info(x)`) is left to the walk, which ends there at once: looking at the method
 * name here too cost more on every reference than the walks it saved (CPU profile, bench corpus).
 */
export function mayLeadToMutation(node: TSESTree.Node): boolean {
  const outer = skipWrapperParents(node);
  const parent = outer.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === outer;
    case AST_NODE_TYPES.CallExpression:
      return parent.callee !== outer;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === outer;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === outer && parent.operator === '=' && parent.left.type === AST_NODE_TYPES.Identifier;
    case AST_NODE_TYPES.ForOfStatement:
      return parent.right === outer;
    default:
      return false;
  }
}

type Visit = (site: MutationSite) => void;

/** Where a walk stands: how many aliases and helper calls deep, and the outermost helper call. */
interface Walk {
  readonly depth: number;
  readonly helpers: number;
  readonly via: TSESTree.CallExpression | undefined;
}

const START: Walk = { depth: 0, helpers: 0, via: undefined };
/** Helper functions followed: the one called with the state, and the helpers it hands the state to. */
const MAX_HELPER_NESTING = 2;

/**
 * Every place where the value that `start` evaluates to (a reference to a binding, or `this`)
 * is changed: through member chains (`state.users[id] = u`), element accessors
 * (`sessions.get(id).seen = now`), mutating functions (`Object.assign(state, patch)`),
 * `const` aliases and destructuring (`const { list } = state; list.push(x)`) and a `let` assigned
 * the value (`s = sessions.get(id); s.active = true`) that the caller lets it follow, and parameters of helper functions of the file it is passed to. Reads, and
 * values derived from the original (`state.list.slice()`, `[...list]`), end the walk.
 */
export function mutationSitesOf(
  sourceCode: Readonly<TSESLint.SourceCode>,
  start: TSESTree.Node,
  options: MutationSiteOptions,
): MutationSite[] {
  const sites: MutationSite[] = [];
  forEachMutationSite(sourceCode, start, options, (site) => void sites.push(site));
  return sites;
}

/** `mutationSitesOf`, handing each site to `visit` as it is found (no array, no generator: this runs for every reference). */
export function forEachMutationSite(
  sourceCode: Readonly<TSESLint.SourceCode>,
  start: TSESTree.Node,
  options: MutationSiteOptions,
  visit: Visit,
): void {
  walkFrom(sourceCode, start, options, [], START, visit);
}

function walkFrom(
  sourceCode: Readonly<TSESLint.SourceCode>,
  start: TSESTree.Node,
  options: MutationSiteOptions,
  prefix: readonly PathSegment[],
  walk: Walk,
  visit: Visit,
): void {
  // Most walks end at once (a read, a call of a method that changes nothing): the path is copied only when it grows.
  let path: PathSegment[] | undefined;
  const extend = (segment: PathSegment): void => void (path ??= [...prefix]).push(segment);
  const siteBase = (): SiteBase => (walk.via ? { path: path ?? prefix, via: walk.via } : { path: path ?? prefix });
  let current: TSESTree.Node = start;
  for (;;) {
    const outer = skipWrapperParents(current);
    const parent = outer.parent;
    if (!parent) return;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === outer) {
      const key = staticMemberKey(parent);
      const callee = skipWrapperParents(parent);
      const call = callee.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === callee) {
        if (key !== undefined && ELEMENT_ACCESS_METHODS.has(key)) {
          extend({ key: undefined, element: true });
          current = call;
          continue;
        }
        if (key === undefined) return;
        if (!options.methods || options.methods.has(key)) visit({ ...siteBase(), kind: 'method', node: call, method: key });
        if (key === 'forEach') callbackElementSites(sourceCode, call, options, path ?? prefix, walk, visit);
        return;
      }
      extend({ key, element: false });
      current = parent;
      continue;
    }
    if ((path ?? prefix).length > 0) {
      const write = writeOn(outer);
      if (write) {
        visit({ ...siteBase(), kind: 'write', node: write, target: outer });
        return;
      }
    }
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== outer) {
      const name = parent.arguments[0] === outer ? mutatingFunctionName(options.bindings, parent.callee) : undefined;
      if (name) visit({ ...siteBase(), kind: 'function', node: parent, name });
      else helperSites(sourceCode, parent, outer, options, path ?? prefix, walk, visit);
      return;
    }
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === outer) {
      aliasSites(sourceCode, parent, parent.id, options, path ?? prefix, walk, false, visit);
      return;
    }
    if (
      parent.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.operator === '=' &&
      parent.right === outer &&
      parent.left.type === AST_NODE_TYPES.Identifier
    ) {
      assignedAliasSites(sourceCode, parent.left, options, path ?? prefix, walk, visit);
      return;
    }
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.operator === '=' && parent.right === outer && parent.left.type === AST_NODE_TYPES.MemberExpression) {
      requestPropertySites(sourceCode, parent.left, options, path ?? prefix, walk, visit);
      return;
    }
    if (parent.type === AST_NODE_TYPES.ForOfStatement && parent.right === outer && parent.left.type === AST_NODE_TYPES.VariableDeclaration) {
      const declarator = parent.left.declarations[0];
      if (declarator) aliasSites(sourceCode, declarator, declarator.id, options, [...(path ?? prefix), { key: undefined, element: true }], walk, false, visit);
    }
    return;
  }
}

function mutatingFunctionName(bindings: BindingIndex, callee: TSESTree.Node): string | undefined {
  const member = callee.type === AST_NODE_TYPES.ChainExpression ? callee.expression : callee;
  if (member.type !== AST_NODE_TYPES.MemberExpression || member.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const owner = member.object.name;
  const method = staticMemberKey(member);
  if (method === undefined || !Object.hasOwn(MUTATING_FUNCTIONS, owner) || !MUTATING_FUNCTIONS[owner]!.has(method)) return undefined;
  return bindings.isGlobalReference(member.object) ? `${owner}.${method}` : undefined;
}

/** Sites reached through the bindings a declarator, a for-of or callback parameter, or a helper's parameter makes from the value. */
function aliasSites(
  sourceCode: Readonly<TSESLint.SourceCode>,
  declaringNode: TSESTree.Node,
  pattern: TSESTree.Node,
  options: MutationSiteOptions,
  path: readonly PathSegment[],
  walk: Walk,
  isParameter: boolean,
  visit: Visit,
): void {
  if (walk.depth >= MAX_ALIAS_DEPTH) return;
  const deeper: Walk = { ...walk, depth: walk.depth + 1 };
  for (const variable of sourceCode.getDeclaredVariables(declaringNode)) {
    const definition = variable.defs[0];
    if (!definition || !isWithin(definition.name, pattern) || isReassigned(variable)) continue;
    if (!isParameter && !options.followAlias(variable)) continue;
    const subPath = bindingPath(pattern, definition.name);
    if (!subPath) continue;
    for (const reference of variable.references) {
      if (reference.init || !reference.isRead()) continue;
      walkFrom(sourceCode, reference.identifier, options, [...path, ...subPath], deeper, visit);
    }
  }
}

/**
 * Sites reached through a `let` that is assigned the value (`s = sessions.get(id); s.active = true;`):
 * the reads that follow the assignment in the same function, up to the variable's next write.
 */
function assignedAliasSites(
  sourceCode: Readonly<TSESLint.SourceCode>,
  target: TSESTree.Identifier,
  options: MutationSiteOptions,
  path: readonly PathSegment[],
  walk: Walk,
  visit: Visit,
): void {
  if (walk.depth >= MAX_ALIAS_DEPTH) return;
  const variable = ASTUtils.findVariable(sourceCode.getScope(target), target);
  if (!variable || !options.followAlias(variable)) return;
  const scope = sourceCode.getScope(target).variableScope;
  const deeper: Walk = { ...walk, depth: walk.depth + 1 };
  let following = false;
  for (const reference of variable.references) {
    if (reference.identifier === target) {
      following = true;
      continue;
    }
    if (!following) continue;
    if (reference.isWrite()) return;
    if (reference.from.variableScope === scope && reference.identifier.range[0] > target.range[1]) {
      walkFrom(sourceCode, reference.identifier, options, path, deeper, visit);
    }
  }
}

/**
 * Parameter names of the request object that a framework hands, the same object, to every
 * middleware and handler of a request: Express and Connect `req`, Fastify and hapi `request`,
 * Koa `ctx`. A value hung on it (`req.pet = pet`) is read back by the next handler (`req.pet.name = …`).
 */
const REQUEST_OBJECT_NAMES: ReadonlySet<string> = new Set(['req', 'request', 'ctx']);

/**
 * Sites reached through a property of the request object that is given the value
 * (`req.pet = db.pets[id]` in one handler, `req.pet.name = body.name` in another): the reads of
 * that property on a request parameter of the same name anywhere in the file.
 */
function requestPropertySites(
  sourceCode: Readonly<TSESLint.SourceCode>,
  target: TSESTree.MemberExpression,
  options: MutationSiteOptions,
  path: readonly PathSegment[],
  walk: Walk,
  visit: Visit,
): void {
  const key = staticMemberKey(target);
  const holder = target.object;
  if (walk.depth >= MAX_ALIAS_DEPTH || key === undefined || holder.type !== AST_NODE_TYPES.Identifier || !REQUEST_OBJECT_NAMES.has(holder.name)) return;
  if (ASTUtils.findVariable(sourceCode.getScope(holder), holder)?.defs[0]?.type !== 'Parameter') return;
  const deeper: Walk = { ...walk, depth: walk.depth + 1 };
  for (const parameter of requestParametersNamed(sourceCode, holder.name, options)) {
    for (const reference of parameter.references) {
      const member = skipWrapperParents(reference.identifier).parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member === target || staticMemberKey(member) !== key) continue;
      if (member.object !== skipWrapperParents(reference.identifier) || writeOn(member)) continue;
      walkFrom(sourceCode, member, options, path, deeper, visit);
    }
  }
}

/** The parameters named `name` of every function of the file. */
function requestParametersNamed(sourceCode: Readonly<TSESLint.SourceCode>, name: string, options: MutationSiteOptions): readonly TSESLint.Scope.Variable[] {
  const known = options.requestParameters?.get(name);
  if (known) return known;
  const parameters: TSESLint.Scope.Variable[] = [];
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    const parameter = scope.type === 'function' ? scope.set.get(name) : undefined;
    if (parameter?.defs[0]?.type === 'Parameter') parameters.push(parameter);
  }
  options.requestParameters?.set(name, parameters);
  return parameters;
}

/**
 * Sites inside a helper function of the file that receives the value as a parameter
 * (`addUser(users, u)`), reported on the outermost call. The sites of each helper parameter are
 * computed once per file when `options.helperSites` is given.
 */
function helperSites(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  argument: TSESTree.Node,
  options: MutationSiteOptions,
  path: readonly PathSegment[],
  walk: Walk,
  visit: Visit,
): void {
  if (walk.helpers >= MAX_HELPER_NESTING) return;
  // Most calls that take the value are methods of other objects (`res.json(state)`): no function of the file to follow.
  const fn = options.bindings.localFunctionOf(call.callee);
  if (!fn || !followsHelpers(options, path, walk.via ?? call)) return;
  const index = call.arguments.findIndex((candidate) => candidate === argument);
  if (index < 0 || call.arguments.slice(0, index).some((candidate) => candidate.type === AST_NODE_TYPES.SpreadElement)) return;
  const parameter = fn.params[index];
  if (!parameter || parameter.type === AST_NODE_TYPES.RestElement || parameter.type === AST_NODE_TYPES.TSParameterProperty) return;
  const via = walk.via ?? call;
  const memo = options.helperSites;
  if (!memo || walk.helpers > 0) {
    aliasSites(sourceCode, fn, parameter, options, path, { ...walk, helpers: walk.helpers + 1, via }, true, visit);
    return;
  }
  const byParameter = memo.get(fn) ?? [];
  memo.set(fn, byParameter);
  let sites = byParameter[index];
  if (!sites) {
    const found: MutationSite[] = [];
    aliasSites(sourceCode, fn, parameter, options, [], { depth: 0, helpers: 1, via: call }, true, (site) => void found.push(site));
    sites = found;
    byParameter[index] = sites;
  }
  for (const site of sites) visit({ ...site, path: [...path, ...site.path], via });
}

function followsHelpers(options: MutationSiteOptions, path: readonly PathSegment[], call: TSESTree.CallExpression): boolean {
  const { followHelpers = true } = options;
  return typeof followHelpers === 'function' ? followHelpers(path, call) : followHelpers;
}

function callbackElementSites(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  options: MutationSiteOptions,
  path: readonly PathSegment[],
  walk: Walk,
  visit: Visit,
): void {
  const callback = call.arguments[0];
  if (!isFunction(callback)) return;
  const [parameter] = callback.params;
  if (!parameter) return;
  aliasSites(sourceCode, callback, parameter, options, [...path, { key: undefined, element: true }], walk, true, visit);
}

function isWithin(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}
