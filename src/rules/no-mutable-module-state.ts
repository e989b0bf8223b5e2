import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { createBindingIndex } from '../analysis/binding-index.js';
import { globalIdentifierReferences } from '../analysis/module-references.js';
import { isLazyInitialisation, lazyTargetKey } from '../analysis/lazy-init.js';
import { forEachMutationSite, mayLeadToMutation, type MutationSite, type MutationSiteOptions, type PathSegment } from '../analysis/mutation-sites.js';
import {
  createProvenance,
  GLOBAL_OBJECT_NAMES,
  staticMemberKey,
  staticPropertyKey,
  type ClassNode,
  type ContainerKind,
  type Provenance,
} from '../analysis/provenance.js';
import { moduleValueOf } from '../analysis/module-value.js';
import { createRunTimeCode, type FunctionNode } from '../analysis/runtime-code.js';
import { skipWrapperParents, unwrapExpression } from '../analysis/unwrap.js';
import { createRule } from '../util/create-rule.js';
import { reassignmentChange, siteChange, type Change } from './no-mutable-module-state/change-kind.js';
import { carriesRequestData, holdsOnlyHandles, isInProcessLock, isScratchVariable, returnedStateKeys, type Candidate } from './no-mutable-module-state/per-process.js';
import { IN_MEMORY_CACHE_PACKAGES } from './no-mutable-module-state/catalog.js';
import { createProcessLifetimeClasses } from './no-mutable-module-state/process-lifetime.js';
import { thisExpressionsWithin, thisOwnerFunction } from './no-mutable-module-state/this-expressions.js';
import { createWriteContexts, type WriteContext } from './no-mutable-module-state/write-context.js';

type MessageIds = 'reassigned' | 'mutated' | 'globalWritten' | 'staticMutated' | 'importMutated' | 'instanceMutated' | 'moveIntoFunction';
export type Options = [{ allow?: string[]; allowLazyInit?: boolean; allowPerProcess?: boolean; checkGlobalThis?: boolean }];

/** Sources: module-state-prior-art.md (shared reference), section 2: the recommended union. */
const ARRAY_MUTATORS: ReadonlySet<string> = new Set(['copyWithin', 'fill', 'pop', 'push', 'reverse', 'shift', 'sort', 'splice', 'unshift']);
const MUTATORS: Readonly<Record<ContainerKind, ReadonlySet<string>>> = {
  object: new Set(),
  array: ARRAY_MUTATORS,
  map: new Set(['set', 'delete', 'clear']),
  set: new Set(['add', 'delete', 'clear']),
  weakmap: new Set(['set', 'delete']),
  weakset: new Set(['add', 'delete']),
  data: ARRAY_MUTATORS,
};

/** Every method name that can change some container: other calls are skipped before any further analysis. */
const MUTATOR_NAMES: ReadonlySet<string> = new Set(Object.values(MUTATORS).flatMap((names) => [...names]));

const WHAT_TO_DO = 'Keep per-request data in the request, shared data in a backing service (Redis, a database), and configuration immutable.';

/** What kind of state a reference reaches: decides the message and which changes count. */
type RootKind = 'variable' | 'class' | 'global' | 'import' | 'instance';

interface Root {
  readonly kind: RootKind;
  /** The binding (or global object) the state hangs off. */
  readonly name: string;
  readonly line: number;
  readonly provenance: Provenance;
  /** The module binding, when the state is one (for the "move into the function" suggestion). */
  readonly variable?: TSESLint.Scope.Variable;
}

/**
 * Methods that only arrays have, counted on an import of the project's own module
 * (`db.pets.push(pet)`): a class of the project that offers `push` is a rare trap, while `set`,
 * `add` and `delete` are the everyday methods of clients and repositories, so they stay silent.
 */
const OWN_MODULE_ARRAY_MUTATORS: ReadonlySet<string> = new Set(['push', 'splice', 'unshift']);

/** Definitions that make module state: variables, functions and classes (reassigned or given properties), imports. */
const TRACKED_DEFINITIONS: ReadonlySet<string> = new Set(['Variable', 'FunctionName', 'ClassName', 'ImportBinding']);

const CONSTRUCTED_CONTAINER_NAMES: ReadonlySet<string> = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object']);
/** A method or function-valued property of an object literal that initialises a binding. */
const OBJECT_METHOD = 'VariableDeclarator > ObjectExpression.init > Property > FunctionExpression.value';

/** Characters that continue the previous line when it has no semicolon. */
const ASI_HAZARDS = /^[([`+\-/]/u;

function toMatcher(pattern: string): RegExp {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/gu, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'u');
}

/** `declare let x`, and `var x` inside `declare global { ... }` / `declare namespace`: types, not state. */
function isAmbient(definition: TSESLint.Scope.Definition): boolean {
  if (definition.type !== 'Variable') return false;
  return definition.parent.declare || definition.parent.parent?.type === AST_NODE_TYPES.TSModuleBlock;
}

/**
 * What `this` names, seen through arrows: the class itself in a static method, static block or
 * static field initialiser (`static`); the instance in an instance method, accessor or arrow-function
 * field (`method`); the instance being built in the constructor or a field initialiser (`building`).
 */
function thisOfClass(node: TSESTree.ThisExpression): { classNode: ClassNode; role: 'static' | 'method' | 'building' } | undefined {
  let child: TSESTree.Node = node;
  let inArrow = false;
  for (let current = node.parent; current; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
        inArrow = true;
        continue;
      case AST_NODE_TYPES.FunctionExpression: {
        const method = current.parent;
        if (method.type !== AST_NODE_TYPES.MethodDefinition || method.value !== current) return undefined;
        const classNode = method.parent.parent as ClassNode;
        if (method.static) return { classNode, role: 'static' };
        return { classNode, role: method.kind === 'constructor' ? 'building' : 'method' };
      }
      case AST_NODE_TYPES.StaticBlock:
        return { classNode: current.parent.parent as ClassNode, role: 'static' };
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty: {
        if (current.value !== child) return undefined;
        const classNode = current.parent.parent as ClassNode;
        if (current.static) return { classNode, role: 'static' };
        return { classNode, role: inArrow ? 'method' : 'building' };
      }
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.ClassBody:
      case AST_NODE_TYPES.Program:
        return undefined;
      default:
        continue;
    }
  }
  return undefined;
}

/** `this` in a static method, static block or static field initialiser (arrows included): the class itself. */
function staticClassOf(node: TSESTree.ThisExpression): ClassNode | undefined {
  const found = thisOfClass(node);
  return found?.role === 'static' ? found.classNode : undefined;
}

/** `this` in an instance method, accessor or arrow-function field: the instance; not where the instance is built. */
function instanceClassOf(node: TSESTree.ThisExpression): ClassNode | undefined {
  const found = thisOfClass(node);
  return found?.role === 'method' ? found.classNode : undefined;
}

function staticFieldOf(classNode: ClassNode, key: string | undefined): TSESTree.PropertyDefinition | undefined {
  if (key === undefined) return undefined;
  return classNode.body.body.find(
    (member): member is TSESTree.PropertyDefinition =>
      member.type === AST_NODE_TYPES.PropertyDefinition && member.static && staticPropertyKey(member) === key,
  );
}

function className(classNode: ClassNode): string {
  if (classNode.id) return classNode.id.name;
  const parent = classNode.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  return 'class';
}

function isWithin(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

const PROMISE_CHAIN_METHODS: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/** `true` when the call `callee(...)` is made as a statement whose value nobody reads: `f();`, `await f();`, `void f();`, `f().catch(log);`. */
function isResultDropped(callee: TSESTree.Node): boolean {
  const call = skipWrapperParents(callee).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== skipWrapperParents(callee)) return false;
  let current: TSESTree.Node = call;
  for (;;) {
    const outer = skipWrapperParents(current);
    const parent = outer.parent;
    if (!parent) return false;
    if (parent.type === AST_NODE_TYPES.ExpressionStatement) return true;
    if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') return true;
    if (parent.type === AST_NODE_TYPES.AwaitExpression) {
      current = parent;
      continue;
    }
    const chained = parent.type === AST_NODE_TYPES.MemberExpression && parent.object === outer ? skipWrapperParents(parent).parent : undefined;
    if (
      parent.type === AST_NODE_TYPES.MemberExpression &&
      chained?.type === AST_NODE_TYPES.CallExpression &&
      PROMISE_CHAIN_METHODS.has(staticMemberKey(parent) ?? '')
    ) {
      current = chained;
      continue;
    }
    return false;
  }
}

/**
 * A function that replaces itself on first call with the implementation it picked
 * (`var extendStatics = function (d, b) { extendStatics = Object.setPrototypeOf || ...; return extendStatics(d, b); }`,
 * Babel's `function _typeof(o) { return _typeof = ..., _typeof(o); }`): a lazy one-time
 * initialisation, written inside the binding's own initialiser or declaration.
 */
function isSelfReplacement(definition: TSESLint.Scope.Definition, identifier: TSESTree.Node): boolean {
  if (definition.type === 'FunctionName') return isWithin(identifier, definition.node);
  const init = definition.type === 'Variable' ? definition.node.init : null;
  return init !== null && isWithin(identifier, init);
}

/** `x = null` / `x = undefined`: a lazily created singleton is dropped, to be created again on next use. */
function isReset(identifier: TSESTree.Node): boolean {
  const assignment = identifier.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== identifier || assignment.operator !== '=') return false;
  const value = unwrapExpression(assignment.right);
  if (value.type === AST_NODE_TYPES.Literal) return value.value === null;
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'undefined';
  return value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void';
}

/** The node a write to a binding is reported on: the whole `x = ...` / `x++`, or the identifier inside a pattern. */
function reassignmentNode(identifier: TSESTree.Node): TSESTree.Node {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === identifier) return parent;
  if (parent?.type === AST_NODE_TYPES.UpdateExpression) return parent;
  return identifier;
}

export default createRule<Options, MessageIds>({
  name: 'no-mutable-module-state',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow changing module-level, global and class-static state at run time',
      recommended: 'recommended',
      strictOptions: [{ allowPerProcess: false }],
    },
    hasSuggestions: true,
    messages: {
      reassigned: `Module variable '{{ name }}' (declared on line {{ line }}) is reassigned at run time: every process keeps its own copy and a restart loses it. ${WHAT_TO_DO}`,
      mutated: `Module-level '{{ name }}' (declared on line {{ line }}) is changed at run time: every process keeps its own copy and a restart loses it. ${WHAT_TO_DO}`,
      globalWritten: `'{{ name }}' is written on the global object at run time: every process has its own global object and a restart empties it. ${WHAT_TO_DO}`,
      staticMutated: `Static state '{{ name }}' (declared on line {{ line }}) is changed at run time: a class is module state, so every process keeps its own copy and a restart loses it. ${WHAT_TO_DO}`,
      instanceMutated: `Field '{{ name }}' of an object that lives as long as the process (made on line {{ line }}) is changed at run time: every process keeps its own copy and a restart loses it. ${WHAT_TO_DO}`,
      importMutated: `Imported '{{ name }}' (imported on line {{ line }}) is changed at run time: the change is shared by this process's modules only, other processes never see it and a restart loses it. ${WHAT_TO_DO}`,
      moveIntoFunction: "Move the declaration of '{{ name }}' into {{ function }}, so that every call starts with its own state.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          allow: {
            type: 'array',
            description:
              "Bindings whose run-time changes are accepted: names of module variables, classes, imports or global properties, exact or with `*` wildcards (`metrics*`, `Registry.*`, `globalThis.__cache`).",
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
          allowLazyInit: {
            type: 'boolean',
            description:
              'Allow one-time lazy initialisation of a singleton (`x ??= create()`, `if (!x) x = create()`, `if (x) return x; x = create();`, `return x || (x = create())`), also on a member path with static keys (`globalThis.prisma ??= new PrismaClient()`).',
          },
          allowPerProcess: {
            type: 'boolean',
            description:
              'Allow writes that are per-process by nature: start-up configuration and injected settings, life-cycle flags, timer, server and client handles, in-process locks, live sockets and scratch variables. `false` reports every run-time write (the `strict` config).',
          },
          checkGlobalThis: {
            type: 'boolean',
            description: 'Report run-time writes to properties of `globalThis`, `global`, `window` and `self`.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ allow: [], allowLazyInit: true, allowPerProcess: true, checkGlobalThis: true }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const runTime = createRunTimeCode(sourceCode);
    const bindings = createBindingIndex(sourceCode);
    // A class of an in-memory cache package (`new LRUCache()`) is a Map that forgets.
    const provenance = createProvenance(sourceCode, bindings, (callee) =>
      IN_MEMORY_CACHE_PACKAGES.has(moduleValueOf(sourceCode, callee)?.moduleId ?? '') ? 'map' : undefined,
    );
    const allowed = (options.allow ?? []).map(toMatcher);
    const allowLazyInit = options.allowLazyInit ?? true;
    const checkGlobalThis = options.checkGlobalThis ?? true;
    const allowPerProcess = options.allowPerProcess ?? true;
    const lifetimeClasses = createProcessLifetimeClasses(sourceCode, runTime);
    const writeContexts = createWriteContexts(sourceCode, runTime, lifetimeClasses);
    const classes: ClassNode[] = [];
    const thisExpressions: TSESTree.ThisExpression[] = [];
    let staticDepth = 0;
    /** Methods of object literals that initialise a binding (`const pads = { set(k, v) { ... } }`). */
    const objectMethods: TSESTree.FunctionExpression[] = [];
    /** Every `this` of the file, in source order: the few containers that matter pick theirs by range. */
    const allThis: TSESTree.ThisExpression[] = [];
    const reported = new Set<TSESTree.Node>();
    const suggestions = new Map<TSESLint.Scope.Variable, TSESLint.ReportSuggestionArray<MessageIds> | undefined>();

    const stateScopes = new Map<TSESLint.Scope.Scope, boolean>();

    /**
     * Scopes whose bindings live as long as the process: the module (or CommonJS wrapper, or
     * script global) scope, and every scope whose code runs once while the module loads (a
     * top-level block, an IIFE, a `main()` only called at top level): their bindings, captured by
     * a handler, are module state too.
     */
    function computeIsStateScope(scope: TSESLint.Scope.Scope): boolean {
      if (scope.type === 'global' || scope.type === 'module') return true;
      if (scope.block.type === AST_NODE_TYPES.Program) return scope.type === 'function';
      // Code nested in run-time code runs at run time: no need to look at this scope itself.
      if (!runsWhileLoading(scope.upper)) return false;
      switch (scope.type) {
        case 'function': {
          const block = scope.block;
          const isFunction =
            block.type === AST_NODE_TYPES.FunctionDeclaration ||
            block.type === AST_NODE_TYPES.FunctionExpression ||
            block.type === AST_NODE_TYPES.ArrowFunctionExpression;
          return isFunction && !runTime.isRunTime(block.body) && !isFactory(block);
        }
        case 'block':
        case 'for':
        case 'switch':
        case 'catch':
        case 'class-static-block':
          return !runTime.isRunTime(scope.block);
        default:
          return false;
      }
    }

    /**
     * A named function whose result is used (`const counter = makeCounter()`): its locals are the
     * state of the object it makes, like instance state, even when it is called at load time.
     * `main()`, `await main()` and `main().catch(...)` drop the result.
     */
    function isFactory(fn: FunctionNode): boolean {
      const variables = [...sourceCode.getDeclaredVariables(fn)].filter((variable) => variable.defs.some((definition) => definition.type === 'FunctionName'));
      const holder = fn.parent;
      if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === fn) variables.push(...sourceCode.getDeclaredVariables(holder));
      return variables.some((variable) => variable.references.some((reference) => !reference.init && !isResultDropped(reference.identifier)));
    }

    /** A scope that only names something (a function expression's name, a class, a field initialiser): the code it holds runs when its parent's does. */
    function isTransparentScope(scope: TSESLint.Scope.Scope): boolean {
      return scope.type === 'function-expression-name' || scope.type === 'class' || scope.type === 'class-field-initializer';
    }

    /** Whether code directly in `scope` runs while the module loads; name and class scopes are seen through. */
    function runsWhileLoading(scope: TSESLint.Scope.Scope | null): boolean {
      let current = scope;
      while (current && isTransparentScope(current)) current = current.upper;
      return current !== null && isStateScope(current);
    }

    function isStateScope(scope: TSESLint.Scope.Scope): boolean {
      let known = stateScopes.get(scope);
      if (known === undefined) {
        known = computeIsStateScope(scope);
        stateScopes.set(scope, known);
      }
      return known;
    }

    const siteOptions: MutationSiteOptions = {
      followAlias: (variable) => !isStateScope(variable.scope),
      bindings,
      helperSites: new Map(),
      requestParameters: new Map(),
      methods: MUTATOR_NAMES,
      // A helper called while the module loads changes nothing at run time.
      followHelpers: (_path, call) => runTime.isRunTime(call),
    };
    // Functions are passed around as callbacks all the time, and helpers rarely write properties of a function.
    const functionSiteOptions: MutationSiteOptions = { ...siteOptions, followHelpers: false };

    /** The root of the module binding being checked: a part of it (`state.items`) is followed into helpers only when it is known state. */
    let currentRootOf: () => Root | null = () => null;
    const bindingSiteOptions: MutationSiteOptions = {
      ...siteOptions,
      followHelpers: (path, call) => runTime.isRunTime(call) && (path.length === 0 || currentRootOf()?.provenance.kind !== 'unknown'),
    };

    function isAllowed(...names: string[]): boolean {
      return allowed.some((matcher) => names.some((name) => matcher.test(name)));
    }

    // ---- the suggestion -------------------------------------------------------------------

    function isUnshadowedGlobal(name: string, fn: FunctionNode): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(fn), name);
      return !variable || variable.defs.length === 0;
    }

    /** An initialiser that means the same, and does nothing else, when evaluated at the top of `fn` on every call. */
    function isSafeInitializer(node: TSESTree.Node, fn: FunctionNode): boolean {
      const inner = unwrapExpression(node);
      switch (inner.type) {
        case AST_NODE_TYPES.Literal:
          return true;
        case AST_NODE_TYPES.TemplateLiteral:
          return inner.expressions.length === 0;
        case AST_NODE_TYPES.Identifier:
          return inner.name === 'undefined' && isUnshadowedGlobal('undefined', fn);
        case AST_NODE_TYPES.UnaryExpression:
          return ['-', '+', '!', 'void'].includes(inner.operator) && isSafeInitializer(inner.argument, fn);
        case AST_NODE_TYPES.ArrayExpression:
          return inner.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && isSafeInitializer(element, fn));
        case AST_NODE_TYPES.ObjectExpression:
          return inner.properties.every(
            (property) =>
              property.type === AST_NODE_TYPES.Property &&
              property.kind === 'init' &&
              !property.method &&
              !property.computed &&
              !property.shorthand &&
              isSafeInitializer(property.value, fn),
          );
        case AST_NODE_TYPES.NewExpression:
          return (
            inner.callee.type === AST_NODE_TYPES.Identifier &&
            CONSTRUCTED_CONTAINER_NAMES.has(inner.callee.name) &&
            isUnshadowedGlobal(inner.callee.name, fn) &&
            inner.arguments.every((argument) => argument.type !== AST_NODE_TYPES.SpreadElement && isSafeInitializer(argument, fn))
          );
        default:
          return false;
      }
    }

    /** A function that calls itself shares the state between its nested calls: moving it would change that. */
    function isRecursive(fn: FunctionNode): boolean {
      const names = sourceCode.getDeclaredVariables(fn).filter((variable) => variable.defs.some((definition) => definition.type === 'FunctionName'));
      const holder = fn.parent;
      if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === fn) names.push(...sourceCode.getDeclaredVariables(holder));
      return names.some((variable) => variable.references.some((reference) => isWithin(reference.identifier, fn)));
    }

    /** The range that removes `statement` together with its line when nothing else is on it. */
    function removalRange(statement: TSESTree.Node): TSESTree.Range {
      const { start, end } = statement.loc;
      const before = sourceCode.lines[start.line - 1]!.slice(0, start.column);
      const after = sourceCode.lines[end.line - 1]!.slice(end.column);
      if (before.trim() !== '' || after.trim() !== '') return statement.range;
      const lineStart = statement.range[0] - before.length;
      const nextLine = end.line < sourceCode.lines.length ? sourceCode.getIndexFromLoc({ line: end.line + 1, column: 0 }) : sourceCode.text.length;
      return [lineStart, nextLine];
    }

    /** Removing the statement would join its neighbours into one expression (`a()` + `[1].map(f)`). */
    function removalJoinsNeighbours(declaration: TSESTree.VariableDeclaration): boolean {
      const body = sourceCode.ast.body;
      const index = body.indexOf(declaration as TSESTree.ProgramStatement);
      const previous = body[index - 1];
      const next = body[index + 1];
      if (!previous || !next) return false;
      return sourceCode.getLastToken(previous)?.value !== ';' && ASI_HAZARDS.test(sourceCode.getText(next));
    }

    function computeSuggestion(variable: TSESLint.Scope.Variable): TSESLint.ReportSuggestionArray<MessageIds> | undefined {
      const definition = variable.defs[0];
      if (variable.defs.length !== 1 || definition?.type !== 'Variable') return undefined;
      const declarator = definition.node;
      const declaration = definition.parent;
      if (
        declarator.id.type !== AST_NODE_TYPES.Identifier ||
        declaration.declarations.length !== 1 ||
        declaration.parent.type !== AST_NODE_TYPES.Program ||
        declaration.declare ||
        (declaration.kind !== 'let' && declaration.kind !== 'const' && declaration.kind !== 'var')
      ) {
        return undefined;
      }
      const references = variable.references.filter((reference) => !reference.init);
      const first = references[0];
      const fn = first && runTime.enclosingFunction(first.identifier);
      if (!fn || fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
      const body = fn.body;
      const insideBody = (reference: TSESLint.Scope.Reference): boolean =>
        runTime.enclosingFunction(reference.identifier) === fn && isWithin(reference.identifier, body);
      if (!references.every(insideBody) || isRecursive(fn)) return undefined;
      if (declarator.init && !isSafeInitializer(declarator.init, fn)) return undefined;
      // hermes-eslint sets `directive: null` on every other expression statement, espree leaves it out.
      const anchor = body.body.find((statement) => !(statement.type === AST_NODE_TYPES.ExpressionStatement && typeof statement.directive === 'string'));
      if (!anchor || removalJoinsNeighbours(declaration)) return undefined;
      let text = sourceCode.getText(declaration);
      if (!text.endsWith(';') && ASI_HAZARDS.test(sourceCode.getText(anchor))) text += ';';
      const lineBefore = sourceCode.lines[anchor.loc.start.line - 1]!.slice(0, anchor.loc.start.column);
      const insertion = lineBefore.trim() === '' ? `${text}\n${lineBefore}` : `${text} `;
      return [
        {
          messageId: 'moveIntoFunction',
          data: { name: variable.name, function: ASTUtils.getFunctionNameWithKind(fn) },
          fix: (fixer) => [fixer.removeRange(removalRange(declaration)), fixer.insertTextBefore(anchor, insertion)],
        },
      ];
    }

    function suggestionFor(root: Root): TSESLint.ReportSuggestionArray<MessageIds> | undefined {
      const variable = root.variable;
      if (root.kind !== 'variable' || !variable) return undefined;
      if (!suggestions.has(variable)) suggestions.set(variable, computeSuggestion(variable));
      return suggestions.get(variable);
    }

    // ---- reporting ------------------------------------------------------------------------

    function report(root: Root, node: TSESTree.Node, messageId: MessageIds, name: string): void {
      if (reported.has(node)) return;
      reported.add(node);
      const suggest = suggestionFor(root);
      context.report({ node, messageId, data: { name, line: root.line }, ...(suggest ? { suggest } : {}) });
    }

    interface Proposal extends Candidate {
      readonly root: Root;
      readonly messageId: MessageIds;
      readonly name: string;
    }

    /** The run-time changes found, per piece of state: whether they are reported is decided once all of them are known. */
    const proposals = new Map<unknown, { variable?: TSESLint.Scope.Variable; items: Proposal[] }>();

    /** `forced`: a write the options ask to see whatever it is (lazy initialisation under `allowLazyInit: false`). */
    function propose(
      root: Root,
      node: TSESTree.Node,
      messageId: MessageIds,
      name: string,
      target: string | undefined,
      change: () => Change,
      forced = false,
    ): void {
      if (!allowPerProcess || forced) {
        report(root, node, messageId, name);
        return;
      }
      const provenanceOfRoot = root.provenance;
      const key = root.variable ?? (provenanceOfRoot.kind === 'class' || provenanceOfRoot.kind === 'instance' ? provenanceOfRoot : `${root.kind}:${root.name}`);
      let group = proposals.get(key);
      if (!group) {
        group = root.variable ? { variable: root.variable, items: [] } : { items: [] };
        proposals.set(key, group);
      }
      group.items.push(lazyProposal(root, node, messageId, name, target, change));
    }

    /**
     * A proposal whose change, write context and cache refresh are worked out when first asked:
     * most pieces of state are decided by the context alone (a write in a route handler), or have
     * nothing to report, and never need the rest.
     */
    function lazyProposal(root: Root, node: TSESTree.Node, messageId: MessageIds, name: string, target: string | undefined, changeOf: () => Change): Proposal {
      let change: Change | undefined;
      let writeContext: WriteContext | undefined;
      let refreshesCache: boolean | undefined;
      return {
        root,
        node,
        messageId,
        name,
        target,
        get change() {
          return (change ??= changeOf());
        },
        get context() {
          return (writeContext ??= writeContexts.contextOf(node));
        },
        get refreshesCache() {
          return (refreshesCache ??= refreshesCacheAt(node, this.context, this.change));
        },
      };
    }

    /** A computed value stored from unknown code by a function that also returns it: a cache refreshed on read. */
    function refreshesCacheAt(node: TSESTree.Node, writeContext: WriteContext, found: Change): boolean {
      if (writeContext !== 'unknown' || found.kind !== 'replace') return false;
      const fn = runTime.enclosingFunction(node);
      const cacheKey = isComputedValue(found.value, fn) ? cacheKeyOf(node) : undefined;
      return cacheKey !== undefined && fn !== undefined && returnedKeysOf(fn).has(cacheKey);
    }

    /**
     * A value that was fetched or computed, as a cache keeps it: not a literal (`total = 0` starts a
     * computation) and not a parameter handed in (`logger = l` injects it, even when returned).
     */
    function isComputedValue(value: TSESTree.Node | undefined, fn: FunctionNode | undefined): boolean {
      const inner = value && unwrapExpression(value);
      if (!inner || inner.type === AST_NODE_TYPES.Literal) return false;
      return !(inner.type === AST_NODE_TYPES.Identifier && fn?.params.some((parameter) => parameter.type === AST_NODE_TYPES.Identifier && parameter.name === inner.name));
    }

    const returnedKeys = new Map<FunctionNode, ReadonlySet<string>>();
    /** What each function returns, walked once per function however many writes it makes. */
    function returnedKeysOf(fn: FunctionNode): ReadonlySet<string> {
      let keys = returnedKeys.get(fn);
      if (!keys) {
        keys = returnedStateKeys(fn);
        returnedKeys.set(fn, keys);
      }
      return keys;
    }

    /** The static key of what an assignment writes (`cached`, `state.token`), if it has one. */
    function cacheKeyOf(node: TSESTree.Node): string | undefined {
      return node.type === AST_NODE_TYPES.AssignmentExpression ? lazyTargetKey(node.left) : undefined;
    }

    /** State that is per-process by nature as a whole: handles, locks and scratch variables. */
    function isPerProcessState(group: { variable?: TSESLint.Scope.Variable; items: readonly Proposal[] }): boolean {
      return (
        holdsOnlyHandles(sourceCode, group.items) ||
        isInProcessLock(group.items, runTime, group.variable) ||
        (group.variable !== undefined && isScratchVariable(sourceCode, group.variable, runTime))
      );
    }

    function reportProposals(): void {
      for (const group of proposals.values()) {
        // The per-process checks look at every change of the state: only worth it when one would be reported.
        const carrying = group.items.filter(carriesRequestData);
        if (carrying.length === 0 || isPerProcessState(group)) continue;
        for (const item of carrying) report(item.root, item.node, item.messageId, item.name);
      }
    }

    function displayName(root: Root, path: readonly PathSegment[]): string {
      const [first] = path;
      if ((root.kind === 'class' || root.kind === 'global' || root.kind === 'instance') && first && !first.element && first.key !== undefined) return `${root.name}.${first.key}`;
      return root.name;
    }

    function lineOf(root: Root, path: readonly PathSegment[]): number {
      if (root.provenance.kind !== 'class') return root.line;
      const field = staticFieldOf(root.provenance.node, path[0]?.key);
      return field ? field.loc.start.line : root.line;
    }

    /** The provenance of the value at `path`, or `undefined` when the path leaves the state (a call on a non-container). */
    function resolve(base: Provenance, path: readonly PathSegment[]): Provenance | undefined {
      let current = base;
      for (const segment of path) {
        if (segment.element && current.kind !== 'container' && current.kind !== 'element') return undefined;
        current = provenance.ofMember(current, segment.key);
      }
      return current;
    }

    function isMutator(receiver: Provenance, method: string): boolean {
      if (receiver.kind === 'container') return MUTATORS[receiver.container].has(method);
      return receiver.kind === 'element' && ARRAY_MUTATORS.has(method);
    }

    /** `privates.set(this, {...})` on a WeakMap/WeakSet: per-instance data that goes away with the instance, like `this.x`. */
    function isPrivateInstanceData(receiver: Provenance, call: TSESTree.CallExpression): boolean {
      const isWeak = receiver.kind === 'container' && (receiver.container === 'weakmap' || receiver.container === 'weakset');
      const [key] = call.arguments;
      return isWeak && key !== undefined && unwrapExpression(key).type === AST_NODE_TYPES.ThisExpression;
    }

    function isLazyMemberInitialisation(site: MutationSite & { kind: 'write' }): boolean {
      return site.path.every((segment) => !segment.element) && isLazyInitialisation(site.target);
    }

    function changesState(root: Root, site: MutationSite): boolean {
      switch (site.kind) {
        case 'write': {
          const owner = resolve(root.provenance, site.path.slice(0, -1));
          if (!owner || owner.kind === 'frozen') return false;
          // Resetting a shared regular expression before use (`RE.lastIndex = 0`) keeps no state between calls.
          if (owner.kind === 'regexp' && site.path[site.path.length - 1]?.key === 'lastIndex') return false;
          return !(allowLazyInit && isLazyMemberInitialisation(site));
        }
        case 'method': {
          if (root.kind === 'import') return OWN_MODULE_ARRAY_MUTATORS.has(site.method) && root.variable !== undefined && importsOwnModule(root.variable);
          const receiver = resolve(root.provenance, site.path);
          return receiver !== undefined && isMutator(receiver, site.method) && !isPrivateInstanceData(receiver, site.node);
        }
        case 'function': {
          const target = resolve(root.provenance, site.path);
          return target !== undefined && target.kind !== 'frozen';
        }
      }
    }

    const MESSAGE_OF: Readonly<Record<RootKind, MessageIds>> = {
      variable: 'mutated',
      class: 'staticMutated',
      global: 'globalWritten',
      import: 'importMutated',
      instance: 'instanceMutated',
    };

    /** Reports the run-time changes reached from `identifier`; `rootOf` is only asked once one is found (`null`: not state to check). */
    function checkReadReference(rootOf: () => Root | null, identifier: TSESTree.Node, options = siteOptions): void {
      forEachMutationSite(sourceCode, identifier, options, (site) => {
        if (site.kind === 'method' && !MUTATOR_NAMES.has(site.method)) return;
        const node = site.via ?? site.node;
        if (!runTime.isRunTime(node)) return;
        const root = rootOf();
        if (!root || !changesState(root, site)) return;
        const name = displayName(root, site.path);
        const property = root.kind === 'global' ? site.path[0]?.key : undefined;
        if (isAllowed(root.name, name, property ?? name)) return;
        const forced = !allowLazyInit && site.kind === 'write' && isLazyMemberInitialisation(site);
        propose({ ...root, line: lineOf(root, site.path) }, node, MESSAGE_OF[root.kind], name, site.path.at(-1)?.key ?? root.name, () => siteChange(sourceCode, site), forced);
      });
    }

    function checkReassignment(root: Root, identifier: TSESTree.Identifier, lazySingleton: boolean, selfReplacement: boolean): void {
      const isLazy = selfReplacement || isLazyInitialisation(identifier) || (lazySingleton && isReset(identifier));
      if (allowLazyInit && isLazy) return;
      if (isAllowed(root.name)) return;
      propose(root, reassignmentNode(identifier), 'reassigned', root.name, root.name, () => reassignmentChange(sourceCode, identifier), isLazy);
    }

    // ---- the kinds of state -----------------------------------------------------------------

    function rootKindOf(definition: TSESLint.Scope.Definition, found: Provenance): RootKind {
      if (definition.type === 'ImportBinding' || found.kind === 'imported') return 'import';
      if (definition.type === 'ClassName' || found.kind === 'class') return 'class';
      if (found.kind === 'global') return 'global';
      return 'variable';
    }

    function isReassignable(definition: TSESLint.Scope.Definition): boolean {
      if (definition.type === 'Variable') return definition.parent.kind === 'let' || definition.parent.kind === 'var';
      return definition.type === 'FunctionName' || definition.type === 'ClassName';
    }

    function isFunctionBinding(definition: TSESLint.Scope.Definition): boolean {
      if (definition.type === 'FunctionName' || definition.type === 'ClassName') return true;
      const init = definition.type === 'Variable' ? definition.node.init : null;
      return (
        init?.type === AST_NODE_TYPES.FunctionExpression ||
        init?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
        init?.type === AST_NODE_TYPES.ClassExpression
      );
    }

    function declaresClass(definition: TSESLint.Scope.Definition): boolean {
      if (definition.type === 'ClassName') return true;
      return definition.type === 'Variable' && definition.node.init?.type === AST_NODE_TYPES.ClassExpression;
    }

    function checkWrites(variable: TSESLint.Scope.Variable, definition: TSESLint.Scope.Definition, writes: readonly TSESTree.Identifier[]): void {
      const runTimeWrites = writes.filter((identifier) => runTime.isRunTime(identifier));
      if (runTimeWrites.length === 0) return;
      const lazySingleton = writes.some((identifier) => isLazyInitialisation(identifier));
      const root: Root = { kind: 'variable', name: variable.name, line: definition.name.loc.start.line, provenance: { kind: 'unknown' }, variable };
      for (const identifier of runTimeWrites) checkReassignment(root, identifier, lazySingleton, isSelfReplacement(definition, identifier));
    }

    /** The state a module binding holds, or `null` when its reads are checked elsewhere (classes) or not at all. */
    function rootOfVariable(variable: TSESLint.Scope.Variable, definition: TSESLint.Scope.Definition): Root | null {
      const found = provenance.ofVariable(variable);
      const kind = rootKindOf(definition, found);
      // A class's own bindings are checked with `this` in its static code, by `checkClasses`.
      if (kind === 'class' && declaresClass(definition)) return null;
      if (kind === 'global' && !checkGlobalThis) return null;
      return { kind, name: variable.name, line: definition.name.loc.start.line, provenance: found, variable };
    }

    /** An import of the project's own module (`./store.js`, `require('../db')`). */
    function importsOwnModule(variable: TSESLint.Scope.Variable): boolean {
      const name = variable.defs[0]?.name;
      return name !== undefined && /^\.\.?\//u.test(moduleValueOf(sourceCode, name)?.moduleId ?? '');
    }

    function checkModuleVariable(variable: TSESLint.Scope.Variable): void {
      const definition = variable.defs[0];
      if (!definition || !TRACKED_DEFINITIONS.has(definition.type) || isAmbient(definition)) return;
      const writes: TSESTree.Identifier[] = [];
      const reads: TSESTree.Node[] = [];
      for (const reference of variable.references) {
        if (reference.init) continue;
        if (reference.isWrite()) writes.push(reference.identifier as TSESTree.Identifier);
        if (reference.isRead() && mayLeadToMutation(reference.identifier)) reads.push(reference.identifier);
      }
      if (writes.length > 0 && isReassignable(definition)) checkWrites(variable, definition, writes);
      let root: Root | null | undefined;
      const rootOf = (): Root | null => (root === undefined ? (root = rootOfVariable(variable, definition)) : root);
      if (reads.length === 0) return;
      currentRootOf = rootOf;
      const options = isFunctionBinding(definition) ? functionSiteOptions : bindingSiteOptions;
      for (const identifier of reads) checkReadReference(rootOf, identifier, options);
    }

    function checkGlobalObjects(globalScope: TSESLint.Scope.Scope): void {
      if (!checkGlobalThis) return;
      const roots = new Map<string, Root>();
      for (const name of GLOBAL_OBJECT_NAMES) roots.set(name, { kind: 'global', name, line: 0, provenance: { kind: 'global', name } });
      for (const [name, root] of roots) {
        if (!globalScope.set.has(name)) continue;
        for (const identifier of globalIdentifierReferences(globalScope, name)) {
          if (mayLeadToMutation(identifier)) checkReadReference(() => root, identifier);
        }
      }
      // Undeclared globals (an ES module without `globals`), in one pass over the unresolved references.
      for (const reference of globalScope.through) {
        const root = roots.get(reference.identifier.name);
        if (root && !globalScope.set.has(root.name) && mayLeadToMutation(reference.identifier)) checkReadReference(() => root, reference.identifier);
      }
    }

    function classVariables(classNode: ClassNode): TSESLint.Scope.Variable[] {
      const variables = [...sourceCode.getDeclaredVariables(classNode)];
      const parent = classNode.parent;
      if (classNode.type === AST_NODE_TYPES.ClassExpression && parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === classNode) {
        variables.push(...sourceCode.getDeclaredVariables(parent));
      }
      return variables;
    }

    function checkClasses(): void {
      const roots = new Map<ClassNode, Root>();
      for (const classNode of classes) {
        // A class created by each call of a function is per-call state, not module state.
        if (runTime.isRunTime(classNode)) continue;
        const root: Root = {
          kind: 'class',
          name: className(classNode),
          line: (classNode.id ?? classNode).loc.start.line,
          provenance: { kind: 'class', node: classNode },
        };
        roots.set(classNode, root);
        for (const variable of new Set(classVariables(classNode))) {
          for (const reference of variable.references) {
            if (!reference.init && reference.isRead() && mayLeadToMutation(reference.identifier)) checkReadReference(() => root, reference.identifier);
          }
        }
      }
      for (const node of thisExpressions) {
        const classNode = staticClassOf(node);
        const root = classNode && roots.get(classNode);
        if (root) checkReadReference(() => root, node);
      }
    }

    /** The module binding, and its object literal, whose property holds the method `fn`, if any. */
    function objectOfMethod(fn: TSESTree.FunctionExpression): { variable: TSESLint.Scope.Variable; object: TSESTree.ObjectExpression } | undefined {
      const property = fn.parent;
      const object = property.type === AST_NODE_TYPES.Property && property.value === fn ? property.parent : undefined;
      const declarator = object?.parent;
      if (object?.type !== AST_NODE_TYPES.ObjectExpression || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== object) return undefined;
      if (declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
      const [variable] = sourceCode.getDeclaredVariables(declarator);
      return variable && isStateScope(variable.scope) ? { variable, object } : undefined;
    }

    /**
     * Whether the file only ever uses the object as the receiver of its own members (`pads.set(k, v)`):
     * then `this` in its methods is the object. An object that is exported, passed on or assigned
     * somewhere (`Object.assign(Model.prototype, methods)`, `module.exports = mixin`) may be a mixin
     * or a prototype, whose methods run with `this` set to another object.
     */
    function isOnlyItsOwnReceiver(variable: TSESLint.Scope.Variable): boolean {
      const declaration = variable.defs[0]?.parent;
      if (declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
      return variable.references.every((reference) => {
        if (reference.init) return true;
        const outer = skipWrapperParents(reference.identifier);
        return outer.parent?.type === AST_NODE_TYPES.MemberExpression && outer.parent.object === outer;
      });
    }

    /** `this.items` where the literal itself declares `items` as data (`{ items: [], add(x) { this.items.push(x); } }`). */
    function declaresWrittenField(object: TSESTree.ObjectExpression, node: TSESTree.ThisExpression): boolean {
      const outer = skipWrapperParents(node);
      const member = outer.parent;
      const key = member?.type === AST_NODE_TYPES.MemberExpression && member.object === outer ? staticMemberKey(member) : undefined;
      if (key === undefined) return false;
      return object.properties.some((property) => {
        if (property.type !== AST_NODE_TYPES.Property || property.kind !== 'init' || property.method || staticPropertyKey(property) !== key) return false;
        const value = unwrapExpression(property.value);
        return value.type !== AST_NODE_TYPES.FunctionExpression && value.type !== AST_NODE_TYPES.ArrowFunctionExpression;
      });
    }

    /** Instance fields of the one instance of a process-lifetime class, changed in its methods. */
    function checkProcessLifetimeInstances(): void {
      for (const classNode of classes) {
        // A class without a `this` has no instance state to change: no need to decide what makes it.
        const inside = thisExpressionsWithin(allThis, classNode.body);
        const madeBy = inside.length > 0 ? lifetimeClasses.madeBy(classNode) : undefined;
        if (!madeBy) continue;
        const root: Root = { kind: 'instance', name: className(classNode), line: madeBy.loc.start.line, provenance: { kind: 'instance', node: classNode } };
        for (const node of inside) {
          if (mayLeadToMutation(node) && instanceClassOf(node) === classNode) checkReadReference(() => root, node);
        }
      }
    }

    function checkObjectMethods(): void {
      const receivers = new Map<TSESLint.Scope.Variable, boolean>();
      for (const method of objectMethods) {
        const found = objectOfMethod(method);
        const definition = found?.variable.defs[0];
        if (!found || !definition) continue;
        const { variable, object } = found;
        let ownReceiver = receivers.get(variable);
        if (ownReceiver === undefined) receivers.set(variable, (ownReceiver = isOnlyItsOwnReceiver(variable)));
        for (const node of thisExpressionsWithin(allThis, method.body)) {
          if (thisOwnerFunction(node) !== method || !mayLeadToMutation(node) || !(ownReceiver || declaresWrittenField(object, node))) continue;
          checkReadReference(() => rootOfVariable(variable, definition), node);
        }
      }
    }

    return {
      'ClassDeclaration, ClassExpression'(node: ClassNode) {
        classes.push(node);
      },
      // `this` only names the class inside static members: count them, instead of climbing from every `this`.
      'MethodDefinition[static=true], PropertyDefinition[static=true], AccessorProperty[static=true], StaticBlock'() {
        staticDepth++;
      },
      'MethodDefinition[static=true], PropertyDefinition[static=true], AccessorProperty[static=true], StaticBlock:exit'() {
        staticDepth--;
      },
      // `this` in a method of a module object literal (`const pads = { set(k, v) { this[k] = v; } }`) names that object.
      [OBJECT_METHOD](node: TSESTree.FunctionExpression) {
        objectMethods.push(node);
      },
      ThisExpression(node) {
        allThis.push(node);
        if (staticDepth > 0 && mayLeadToMutation(node)) thisExpressions.push(node);
      },
      'Program:exit'(program) {
        let globalScope = sourceCode.getScope(program);
        while (globalScope.upper) globalScope = globalScope.upper;
        // Scopes in source order (the scope manager's order), descending only where state can still be:
        // every scope inside run-time code is run-time too, so a big file's nested scopes are never visited.
        const pending: TSESLint.Scope.Scope[] = [globalScope];
        for (let scope = pending.pop(); scope; scope = pending.pop()) {
          const isState = isStateScope(scope);
          if (isState) for (const variable of scope.variables) checkModuleVariable(variable);
          if (isState || isTransparentScope(scope)) for (let index = scope.childScopes.length - 1; index >= 0; index--) pending.push(scope.childScopes[index]!);
        }
        checkGlobalObjects(globalScope);
        checkClasses();
        checkObjectMethods();
        checkProcessLifetimeInstances();
        reportProposals();
      },
    };
  },
});
