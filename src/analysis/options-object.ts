import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { resolveToDefinition } from './const-binding.js';
import { unwrapExpression } from './unwrap.js';

/** Where an options object comes from: a literal the rule can read, nothing at all, or something opaque. */
export type ObjectSource =
  | { readonly kind: 'object'; readonly node: TSESTree.ObjectExpression }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unknown' };

/** The three answers of a property lookup. `unknown` means absence cannot be claimed. */
export type PropertyLookup =
  | { readonly kind: 'present'; readonly property: TSESTree.Property; readonly value: TSESTree.Node }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown' };

const MISSING: ObjectSource = { kind: 'missing' };
const UNKNOWN_SOURCE: ObjectSource = { kind: 'unknown' };
const ABSENT: PropertyLookup = { kind: 'absent' };
const UNKNOWN: PropertyLookup = { kind: 'unknown' };

/**
 * Resolves an expression to the object literal that produces it, inline or through `const`
 * bindings of the same file and TypeScript wrappers. `undefined`/`null`/no expression are
 * `missing` (the callee then sees no options at all).
 */
export function resolveObjectSource(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node | undefined | null,
): ObjectSource {
  if (!node) return MISSING;
  const resolved = resolveToDefinition(sourceCode, node);
  if (resolved.type === AST_NODE_TYPES.ObjectExpression) return { kind: 'object', node: resolved };
  if (resolved.type === AST_NODE_TYPES.Literal && resolved.value === null) return MISSING;
  if (resolved.type === AST_NODE_TYPES.Identifier && resolved.name === 'undefined') {
    const variable = ASTUtils.findVariable(sourceCode.getScope(resolved), resolved);
    if (!variable || variable.defs.length === 0) return MISSING;
  }
  return UNKNOWN_SOURCE;
}

/** The options object passed as argument `index` of a call or `new` expression. */
export function getArgumentObject(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
): ObjectSource {
  for (let position = 0; position <= index && position < call.arguments.length; position++) {
    if (call.arguments[position]?.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN_SOURCE;
  }
  return resolveObjectSource(sourceCode, call.arguments[index]);
}

/** The static name of a property key (`a`, `'a'`, `[A]` with `const A = 'a'`), or `undefined`. */
export function getStaticKeyName(
  sourceCode: Readonly<TSESLint.SourceCode>,
  property: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition,
): string | undefined {
  if (!property.computed) {
    if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
    if (property.key.type === AST_NODE_TYPES.Literal) return String(property.key.value);
    return undefined;
  }
  const value = ASTUtils.getStaticValue(property.key, sourceCode.getScope(property.key));
  return value && (typeof value.value === 'string' || typeof value.value === 'number') ? String(value.value) : undefined;
}

/**
 * Says that a spread value the file cannot read still cannot hold the key: JSON data has no
 * `store` (a store is an object with methods).
 */
export type SpreadLacksKey = (spread: TSESTree.Node) => boolean;

function lookupInSpread(
  sourceCode: Readonly<TSESLint.SourceCode>,
  argument: TSESTree.Node,
  key: string,
  depth: number,
  spreadLacksKey: SpreadLacksKey | undefined,
): PropertyLookup {
  const expression = unwrapExpression(argument);
  if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
    return combineBranches(
      lookupInSpread(sourceCode, expression.consequent, key, depth, spreadLacksKey),
      lookupInSpread(sourceCode, expression.alternate, key, depth, spreadLacksKey),
    );
  }
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator === '&&') {
    // `...(cond && { a })` spreads nothing when `cond` is falsy.
    return combineBranches(ABSENT, lookupInSpread(sourceCode, expression.right, key, depth, spreadLacksKey));
  }
  const source = resolveObjectSource(sourceCode, expression);
  if (source.kind === 'unknown' && spreadLacksKey?.(expression)) return ABSENT;
  return lookupIn(sourceCode, source, key, depth + 1, spreadLacksKey);
}

/** Two possible spreads: absence is claimed only when both lack the key. */
function combineBranches(first: PropertyLookup, second: PropertyLookup): PropertyLookup {
  return first.kind === 'absent' && second.kind === 'absent' ? ABSENT : UNKNOWN;
}

function lookupIn(
  sourceCode: Readonly<TSESLint.SourceCode>,
  source: ObjectSource,
  key: string,
  depth: number,
  spreadLacksKey: SpreadLacksKey | undefined,
): PropertyLookup {
  if (source.kind === 'missing') return ABSENT;
  if (source.kind === 'unknown' || depth > 8) return UNKNOWN;
  const { properties } = source.node;
  // Later properties override earlier ones, so the last match decides.
  for (let index = properties.length - 1; index >= 0; index--) {
    const property = properties[index]!;
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const inSpread = lookupInSpread(sourceCode, property.argument, key, depth, spreadLacksKey);
      if (inSpread.kind !== 'absent') return inSpread;
      continue;
    }
    const name = getStaticKeyName(sourceCode, property);
    if (name === undefined) return UNKNOWN;
    if (name === key) return { kind: 'present', property, value: property.value };
  }
  return ABSENT;
}

/** Looks up `key` in an options object: present (with its node), absent, or unknown. */
export function findProperty(
  sourceCode: Readonly<TSESLint.SourceCode>,
  source: ObjectSource,
  key: string,
  spreadLacksKey?: SpreadLacksKey,
): PropertyLookup {
  return lookupIn(sourceCode, source, key, 0, spreadLacksKey);
}

/** Looks up a nested property, e.g. `['server', 'middlewareMode']`. */
export function findPropertyPath(
  sourceCode: Readonly<TSESLint.SourceCode>,
  source: ObjectSource,
  path: readonly string[],
): PropertyLookup {
  let current = source;
  let lookup: PropertyLookup = ABSENT;
  for (const key of path) {
    lookup = findProperty(sourceCode, current, key);
    if (lookup.kind !== 'present') return lookup;
    current = resolveObjectSource(sourceCode, lookup.value);
  }
  return lookup;
}

/**
 * The value of a present property as a constant (`true`, `'ClientIP'`, `0`), folded through
 * `const` bindings; `undefined` when it cannot be known statically.
 */
export function getStaticPropertyValue(
  sourceCode: Readonly<TSESLint.SourceCode>,
  lookup: PropertyLookup,
): { value: unknown } | undefined {
  if (lookup.kind !== 'present') return undefined;
  const value = ASTUtils.getStaticValue(lookup.value as TSESTree.Expression, sourceCode.getScope(lookup.value));
  return value ?? undefined;
}

/**
 * The constant value of an expression (`'production'`, `true`, an enum-like `const`), folded
 * through `const` bindings and TypeScript wrappers; `undefined` when it cannot be known statically.
 */
export function getStaticExpressionValue(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): { value: unknown } | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  return ASTUtils.getStaticValue(expression as TSESTree.Expression, sourceCode.getScope(expression)) ?? undefined;
}
