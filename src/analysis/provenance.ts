import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { createBindingIndex, type BindingIndex } from './binding-index.js';
import { returnedExpressions } from './local-function.js';
import { unwrapExpression } from './unwrap.js';
import type { FunctionNode } from './runtime-code.js';

/**
 * The plain containers a value can be: `object` (literal, `new Object()`, `Object.create`,
 * `Object.fromEntries`), `array`, the four keyed collections, and `data` (an object or array
 * of unknown shape: `JSON.parse(...)`, `structuredClone(x)` of an unknown `x`).
 */
export type ContainerKind = 'object' | 'array' | 'map' | 'set' | 'weakmap' | 'weakset' | 'data';

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * Where a value comes from, as far as the syntax of one file tells:
 * - `container`: a plain container created in this file (`node` is the object literal when
 *   there is one, to look its properties up);
 * - `frozen`: `Object.freeze(...)` (shallow: only its own properties are read-only) or an
 *   `as const` literal (deep);
 * - `global`: the global object (`globalThis`, `global`, `window`, `self`, not shadowed);
 * - `imported`: a module's export (`import`, `require(...)`, `await import(...)`);
 * - `class`: a class, whose static fields are its properties;
 * - `regexp`: a regular expression (literal or `RegExp(...)`), whose `lastIndex` is its only state;
 * - `element`: a value kept inside a container or the global object, whose own provenance the
 *   file does not show (it was put there at run time);
 * - `unknown`: anything else (a call result, a parameter, an instance of some class).
 */
export type Provenance =
  | { readonly kind: 'container'; readonly container: ContainerKind; readonly node?: TSESTree.Node }
  | { readonly kind: 'frozen'; readonly deep: boolean; readonly node?: TSESTree.Node }
  | { readonly kind: 'global'; readonly name: string }
  | { readonly kind: 'imported' }
  | { readonly kind: 'class'; readonly node: ClassNode }
  /** `this` of the one instance of a class that lives as long as the process: its fields are state. */
  | { readonly kind: 'instance'; readonly node: ClassNode }
  | { readonly kind: 'regexp' }
  | { readonly kind: 'element' }
  | { readonly kind: 'unknown' };

export const GLOBAL_OBJECT_NAMES: ReadonlySet<string> = new Set(['globalThis', 'global', 'window', 'self']);

const UNKNOWN: Provenance = { kind: 'unknown' };
const REGEXP: Provenance = { kind: 'regexp' };
const ELEMENT: Provenance = { kind: 'element' };
const IMPORTED: Provenance = { kind: 'imported' };
/** Internal marker: a binding whose provenance is being computed (a cycle such as `list = list.filter(f)`). */
const PENDING: Provenance = { kind: 'unknown' };

const CONSTRUCTED_CONTAINERS: Readonly<Record<string, ContainerKind>> = {
  Map: 'map',
  Set: 'set',
  WeakMap: 'weakmap',
  WeakSet: 'weakset',
  Array: 'array',
  Object: 'object',
};

const OBJECT_FACTORIES: ReadonlySet<string> = new Set(['create', 'fromEntries', 'groupBy']);
const ARRAY_FACTORIES_OF_OBJECT: ReadonlySet<string> = new Set(['keys', 'values', 'entries', 'getOwnPropertyNames', 'getOwnPropertySymbols']);
/** Array methods that return an array: a new one, or (`fill`, `sort`, `reverse`, `copyWithin`) the receiver itself. */
const ARRAY_RETURNING_METHODS: ReadonlySet<string> = new Set([
  'concat',
  'copyWithin',
  'fill',
  'filter',
  'flat',
  'flatMap',
  'map',
  'reverse',
  'slice',
  'sort',
  'toReversed',
  'toSorted',
  'toSpliced',
  'with',
]);

/** Provenance queries for one file; results per binding are cached in the returned object. */
export interface ProvenanceAnalysis {
  /** The provenance of the value an expression evaluates to. */
  ofExpression(node: TSESTree.Node): Provenance;
  /** The provenance of a binding: its initialiser and every value assigned to it with `=`, `??=`, `||=`. */
  ofVariable(variable: TSESLint.Scope.Variable): Provenance;
  /** The provenance of property `key` (`undefined`: a computed key) of a value of provenance `base`. */
  ofMember(base: Provenance, key: string | undefined): Provenance;
}

/** Strips the run-time-neutral wrappers except `as const`, which makes the literal read-only. */
function unwrap(node: TSESTree.Node): TSESTree.Node {
  return unwrapExpression(node, isAsConst);
}

function isAsConst(node: TSESTree.Node): boolean {
  // Flow's `as const` (hermes-eslint), which typescript-eslint's node types do not name.
  if ((node.type as string) === 'AsConstExpression') return true;
  if (node.type !== AST_NODE_TYPES.TSAsExpression && node.type !== AST_NODE_TYPES.TSTypeAssertion) return false;
  const type = node.typeAnnotation;
  return type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === 'const';
}

/** The static key of a member access (`a.b`, `a['b']`, `a[0]`, `a.#b`), or `undefined` when it is computed at run time. */
export function staticMemberKey(member: TSESTree.MemberExpression): string | undefined {
  const property = member.property;
  if (!member.computed) {
    if (property.type === AST_NODE_TYPES.Identifier) return property.name;
    if (property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${property.name}`;
    return undefined;
  }
  if (property.type === AST_NODE_TYPES.Literal && (typeof property.value === 'string' || typeof property.value === 'number')) {
    return String(property.value);
  }
  if (property.type === AST_NODE_TYPES.TemplateLiteral && property.expressions.length === 0) return property.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The static key of an object-literal property, a pattern property or a class member. */
export function staticPropertyKey(
  property: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition | TSESTree.AccessorProperty,
): string | undefined {
  const key = property.key;
  if (!property.computed) {
    if (key.type === AST_NODE_TYPES.Identifier) return key.name;
    if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  }
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function isNothing(node: TSESTree.Node): boolean {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Literal) return inner.value === null;
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name === 'undefined';
  return inner.type === AST_NODE_TYPES.UnaryExpression && inner.operator === 'void';
}

function sameProvenance(a: Provenance, b: Provenance): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'container' && b.kind === 'container') return a.container === b.container;
  if (a.kind === 'frozen' && b.kind === 'frozen') return a.deep === b.deep;
  if (a.kind === 'class' && b.kind === 'class') return a.node === b.node;
  return a.kind !== 'unknown';
}

/** One provenance for several possible values: kept when they all agree, else `unknown`. */
function merge(values: readonly Provenance[]): Provenance {
  const known = values.filter((value) => value !== PENDING);
  const [first] = known;
  if (!first) return UNKNOWN;
  return known.every((value) => sameProvenance(first, value)) ? first : UNKNOWN;
}

/** The path of keys from a destructuring pattern's root down to `name` (`undefined` entries: array positions or computed keys). */
function patternPath(pattern: TSESTree.Node, name: TSESTree.Node): (string | undefined)[] | undefined {
  const path: (string | undefined)[] = [];
  let current: TSESTree.Node = name;
  while (current !== pattern) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.Property && parent.value === current) path.unshift(staticPropertyKey(parent));
    else if (parent.type === AST_NODE_TYPES.ArrayPattern) path.unshift(undefined);
    else if (parent.type === AST_NODE_TYPES.RestElement) return undefined;
    else if (parent.type !== AST_NODE_TYPES.AssignmentPattern && parent.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
    current = parent;
  }
  return path;
}

/**
 * `libraryContainer` names the container a constructor of a library makes, when the caller knows
 * one (an in-memory LRU cache is a `Map` that forgets).
 */
export function createProvenance(
  sourceCode: Readonly<TSESLint.SourceCode>,
  bindings: BindingIndex = createBindingIndex(sourceCode),
  libraryContainer: (callee: TSESTree.Identifier) => ContainerKind | undefined = () => undefined,
): ProvenanceAnalysis {
  const byVariable = new Map<TSESLint.Scope.Variable, Provenance>();
  const byFunction = new Map<FunctionNode, Provenance>();

  /** What a function of this file returns: `function createCache() { return new Map(); }`. */
  function ofLocalFunctionResult(fn: FunctionNode): Provenance {
    const known = byFunction.get(fn);
    if (known) return known;
    byFunction.set(fn, PENDING);
    const returned = returnedExpressions(sourceCode, fn);
    const result = returned ? merge(returned.filter((value) => !isNothing(value)).map((value) => ofExpression(value))) : UNKNOWN;
    byFunction.set(fn, result);
    return result;
  }

  function isGlobal(node: TSESTree.Node, name: string): boolean {
    return node.type === AST_NODE_TYPES.Identifier && node.name === name && bindings.isGlobalReference(node);
  }

  const literalIndexes = new Map<TSESTree.ObjectExpression, Map<string, TSESTree.Node | null>>();

  /**
   * The value of each static key of an object literal, as far as it is certain: `null` for a key
   * whose value may come from a later spread or computed key, or is a method or accessor.
   */
  function indexLiteral(object: TSESTree.ObjectExpression): Map<string, TSESTree.Node | null> {
    const index = new Map<string, TSESTree.Node | null>();
    let overridable = false;
    for (let position = object.properties.length - 1; position >= 0; position--) {
      const property = object.properties[position]!;
      const name = property.type === AST_NODE_TYPES.SpreadElement ? undefined : staticPropertyKey(property);
      if (name === undefined) {
        // A spread or a computed key may replace every key written before it.
        overridable = true;
        continue;
      }
      if (index.has(name)) continue;
      const plain = property.type === AST_NODE_TYPES.Property && property.kind === 'init' && !property.method;
      index.set(name, plain && !overridable ? property.value : null);
    }
    return index;
  }

  function lookUpObjectLiteral(object: TSESTree.Node | undefined, key: string | undefined): TSESTree.Node | undefined {
    if (object?.type !== AST_NODE_TYPES.ObjectExpression || key === undefined) return undefined;
    let index = literalIndexes.get(object);
    if (!index) {
      index = indexLiteral(object);
      literalIndexes.set(object, index);
    }
    return index.get(key) ?? undefined;
  }

  function ofMember(base: Provenance, key: string | undefined): Provenance {
    if (base === PENDING) return PENDING;
    switch (base.kind) {
      case 'container': {
        if (base.container === 'data') return { kind: 'container', container: 'data' };
        if (base.container !== 'object') return ELEMENT;
        const value = lookUpObjectLiteral(base.node, key);
        // A key the literal does not show (or hides behind a spread or a method) was put there at run time.
        return value ? ofExpression(value) : ELEMENT;
      }
      case 'frozen': {
        const value = lookUpObjectLiteral(base.node, key);
        if (!value) return base.deep ? { kind: 'frozen', deep: true } : UNKNOWN;
        if (!base.deep) return ofExpression(value);
        return { kind: 'frozen', deep: true, node: unwrap(value) };
      }
      case 'global':
        return ELEMENT;
      case 'imported':
        return IMPORTED;
      case 'class':
        return ofStaticField(base.node, key);
      case 'instance':
        return ofInstanceField(base.node, key);
      case 'element':
        return ELEMENT;
      default:
        return UNKNOWN;
    }
  }

  function ofStaticField(classNode: ClassNode, key: string | undefined): Provenance {
    if (key === undefined) return UNKNOWN;
    for (const member of classNode.body.body) {
      if (member.type !== AST_NODE_TYPES.PropertyDefinition || !member.static) continue;
      if (staticPropertyKey(member) !== key) continue;
      return member.value ? ofExpression(member.value) : UNKNOWN;
    }
    return UNKNOWN;
  }

  /**
   * An instance field's value: its initialiser (`todos = new Map()`), or what the constructor assigns
   * to it as a statement of its body (`this.todos = new Map();`). A field set nowhere else is unknown.
   */
  function ofInstanceField(classNode: ClassNode, key: string | undefined): Provenance {
    if (key === undefined) return UNKNOWN;
    for (const member of classNode.body.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && staticPropertyKey(member) === key) {
        return member.value ? ofExpression(member.value) : UNKNOWN;
      }
      if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'constructor') continue;
      for (const statement of member.value.body?.body ?? []) {
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
        const { left, right, operator } = statement.expression;
        if (operator !== '=' || left.type !== AST_NODE_TYPES.MemberExpression || left.object.type !== AST_NODE_TYPES.ThisExpression) continue;
        if (staticMemberKey(left) === key) return ofExpression(right);
      }
    }
    return UNKNOWN;
  }

  function ofGlobalCall(callee: TSESTree.Node, call: TSESTree.CallExpression): Provenance | undefined {
    const [first] = call.arguments;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      if (isGlobal(callee, 'Array')) return { kind: 'container', container: 'array' };
      if (isGlobal(callee, 'RegExp')) return REGEXP;
      if (isGlobal(callee, 'Object') && !first) return { kind: 'container', container: 'object' };
      if (isGlobal(callee, 'structuredClone') && first) return cloneOf(ofExpression(first));
      if (callee.name === 'require' && first?.type === AST_NODE_TYPES.Literal) return IMPORTED;
      return undefined;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = staticMemberKey(callee);
    const receiver = unwrap(callee.object);
    if (method === undefined) return undefined;
    if (isGlobal(receiver, 'Array') && (method === 'from' || method === 'of')) return { kind: 'container', container: 'array' };
    if (isGlobal(receiver, 'Map') && method === 'groupBy') return { kind: 'container', container: 'map' };
    if (isGlobal(receiver, 'JSON') && method === 'parse') return { kind: 'container', container: 'data' };
    if (!isGlobal(receiver, 'Object')) return undefined;
    if (OBJECT_FACTORIES.has(method)) return { kind: 'container', container: 'object' };
    if (ARRAY_FACTORIES_OF_OBJECT.has(method)) return { kind: 'container', container: 'array' };
    if (!first || first.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN;
    if (method === 'freeze') return { kind: 'frozen', deep: false, node: literalBehind(first) };
    if (method === 'assign' || method === 'seal' || method === 'preventExtensions') {
      const target = ofExpression(first);
      return target.kind === 'container' ? target : UNKNOWN;
    }
    return UNKNOWN;
  }

  /** The object literal an expression evaluates to, through `const` bindings, for property look-ups. */
  function literalBehind(node: TSESTree.Node): TSESTree.Node {
    const provenance = ofExpression(node);
    if ((provenance.kind === 'container' || provenance.kind === 'frozen') && provenance.node) return provenance.node;
    return unwrap(node);
  }

  function cloneOf(source: Provenance): Provenance {
    if (source.kind === 'container') return source;
    if (source.kind === 'frozen' && source.node) {
      return ofExpression(source.node).kind === 'container' ? { kind: 'container', container: containerOfLiteral(source.node), node: source.node } : UNKNOWN;
    }
    return { kind: 'container', container: 'data' };
  }

  function containerOfLiteral(node: TSESTree.Node): ContainerKind {
    if (node.type === AST_NODE_TYPES.ArrayExpression) return 'array';
    return node.type === AST_NODE_TYPES.ObjectExpression ? 'object' : 'data';
  }

  function ofCall(call: TSESTree.CallExpression): Provenance {
    const callee = unwrap(call.callee);
    const known = ofGlobalCall(callee, call);
    if (known) return known;
    const local = bindings.localFunctionOf(callee);
    if (local) return ofLocalFunctionResult(local);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return UNKNOWN;
    const method = staticMemberKey(callee);
    if (method === undefined) return UNKNOWN;
    const receiver = unwrap(callee.object);
    if (method === 'split' && receiver.type === AST_NODE_TYPES.Literal && typeof receiver.value === 'string') {
      return { kind: 'container', container: 'array' };
    }
    if (ARRAY_RETURNING_METHODS.has(method)) {
      const base = ofExpression(receiver);
      if (base === PENDING) return PENDING;
      if (base.kind === 'container' && base.container === 'array') return { kind: 'container', container: 'array' };
    }
    return UNKNOWN;
  }

  function ofNew(expression: TSESTree.NewExpression): Provenance {
    const callee = unwrap(expression.callee);
    if (isGlobal(callee, 'RegExp')) return REGEXP;
    if (callee.type !== AST_NODE_TYPES.Identifier) return UNKNOWN;
    const fromLibrary = libraryContainer(callee);
    if (fromLibrary) return { kind: 'container', container: fromLibrary };
    if (!Object.hasOwn(CONSTRUCTED_CONTAINERS, callee.name)) return UNKNOWN;
    if (!bindings.isGlobalReference(callee)) return UNKNOWN;
    return { kind: 'container', container: CONSTRUCTED_CONTAINERS[callee.name]! };
  }

  function ofEither(left: TSESTree.Node, right: TSESTree.Node): Provenance {
    const sides = [ofExpression(left), ofExpression(right)];
    const containers = sides.filter((side) => side.kind === 'container');
    // `globalThis.cache ?? new Map()`: the value kept on the global object is the same kind of container.
    if (containers.length === 1 && sides.some((side) => side.kind === 'element')) return containers[0]!;
    return merge(sides);
  }

  function ofIdentifier(identifier: TSESTree.Identifier): Provenance {
    if (GLOBAL_OBJECT_NAMES.has(identifier.name) && bindings.isGlobalReference(identifier)) return { kind: 'global', name: identifier.name };
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    return variable && variable.defs.length > 0 ? ofVariable(variable) : UNKNOWN;
  }

  const byExpression = new Map<TSESTree.Node, Provenance>();

  function ofExpression(node: TSESTree.Node): Provenance {
    const known = byExpression.get(node);
    if (known) return known;
    const result = computeOfExpression(node);
    // A result that waits on a binding still being resolved is not final.
    if (result !== PENDING) byExpression.set(node, result);
    return result;
  }

  function computeOfExpression(node: TSESTree.Node): Provenance {
    const inner = unwrap(node);
    // The one wrapper `unwrap` keeps: `as const` makes the literal deeply read-only.
    if (isAsConst(inner)) return { kind: 'frozen', deep: true, node: unwrap((inner as { expression: TSESTree.Node }).expression) };
    switch (inner.type) {
      case AST_NODE_TYPES.Literal:
        return 'regex' in inner && inner.regex ? REGEXP : UNKNOWN;
      case AST_NODE_TYPES.ObjectExpression:
        return { kind: 'container', container: 'object', node: inner };
      case AST_NODE_TYPES.ArrayExpression:
        return { kind: 'container', container: 'array', node: inner };
      case AST_NODE_TYPES.NewExpression:
        return ofNew(inner);
      case AST_NODE_TYPES.CallExpression:
        return ofCall(inner);
      case AST_NODE_TYPES.ClassExpression:
        return { kind: 'class', node: inner };
      case AST_NODE_TYPES.Identifier:
        return ofIdentifier(inner);
      case AST_NODE_TYPES.MemberExpression:
        return ofMember(ofExpression(inner.object), staticMemberKey(inner));
      case AST_NODE_TYPES.AwaitExpression:
        return unwrap(inner.argument).type === AST_NODE_TYPES.ImportExpression ? IMPORTED : UNKNOWN;
      case AST_NODE_TYPES.LogicalExpression:
        return ofEither(inner.left, inner.right);
      case AST_NODE_TYPES.ConditionalExpression:
        return ofEither(inner.consequent, inner.alternate);
      case AST_NODE_TYPES.SequenceExpression:
        return inner.expressions.length > 0 ? ofExpression(inner.expressions[inner.expressions.length - 1]!) : UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  function assignedValues(variable: TSESLint.Scope.Variable): TSESTree.Node[] | undefined {
    const values: TSESTree.Node[] = [];
    for (const reference of variable.references) {
      if (!reference.isWrite() || reference.init) continue;
      const assignment = reference.identifier.parent;
      if (
        assignment?.type !== AST_NODE_TYPES.AssignmentExpression ||
        assignment.left !== reference.identifier ||
        !(assignment.operator === '=' || assignment.operator === '??=' || assignment.operator === '||=')
      ) {
        return undefined;
      }
      values.push(assignment.right);
    }
    return values;
  }

  function computeOfVariable(variable: TSESLint.Scope.Variable): Provenance {
    if (variable.defs.length !== 1) return UNKNOWN;
    const definition = variable.defs[0]!;
    if (definition.type === 'ImportBinding') return IMPORTED;
    if (definition.type === 'ClassName') return { kind: 'class', node: definition.node as ClassNode };
    if (definition.type !== 'Variable') return UNKNOWN;
    const declarator = definition.node;
    if (declarator.id.type !== AST_NODE_TYPES.Identifier) {
      const path = declarator.init ? patternPath(declarator.id, definition.name) : undefined;
      if (!path || !declarator.init) return UNKNOWN;
      return path.reduce<Provenance>((base, key) => ofMember(base, key), ofExpression(declarator.init));
    }
    const values = assignedValues(variable);
    if (!values) return UNKNOWN;
    if (declarator.init) values.unshift(declarator.init);
    return merge(values.filter((value) => !isNothing(value)).map((value) => ofExpression(value)));
  }

  function ofVariable(variable: TSESLint.Scope.Variable): Provenance {
    const known = byVariable.get(variable);
    if (known) return known;
    byVariable.set(variable, PENDING);
    const result = computeOfVariable(variable);
    byVariable.set(variable, result);
    return result;
  }

  return { ofExpression, ofVariable, ofMember };
}
