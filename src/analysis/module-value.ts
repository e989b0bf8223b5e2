import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVariableOf, getDestructuringProperty, getStableInitializer, resolveToDefinition } from './const-binding.js';
import { isGlobalReference } from './module-references.js';
import { getStaticKeyName } from './options-object.js';
import { unwrapExpression } from './unwrap.js';

/**
 * A module export an expression evaluates to. `path` is empty for the module itself: its
 * CommonJS value, its namespace and its default export alike (a `default` key is dropped
 * wherever it appears, the legacy interop under which a CommonJS plugin's `default` is the
 * plugin itself); `['fastifySession']` for a named export, longer for a member of one.
 */
export interface ModuleValue {
  readonly moduleId: string;
  readonly path: readonly string[];
}

type SourceCode = Readonly<TSESLint.SourceCode>;

const MAX_DEPTH = 16;

function staticString(sourceCode: SourceCode, node: TSESTree.Node | undefined): string | undefined {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return undefined;
  return ASTUtils.getStringIfConstant(node, sourceCode.getScope(node)) ?? undefined;
}

function moduleItself(moduleId: string | undefined): ModuleValue | undefined {
  return moduleId === undefined ? undefined : { moduleId, path: [] };
}

/** `require('m')` with the global `require` (declared by the host or not, but not a local binding). */
function requiredModule(sourceCode: SourceCode, call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require' || !isGlobalReference(sourceCode, callee)) return undefined;
  return staticString(sourceCode, call.arguments[0]);
}

function withKey(value: ModuleValue | undefined, key: string | null | undefined): ModuleValue | undefined {
  if (!value || key === null || key === undefined) return undefined;
  return key === 'default' ? value : { moduleId: value.moduleId, path: [...value.path, key] };
}

/** ESM default / named / namespace imports (not type-only ones) and TS `import x = require('m')`. */
function importedValue(definition: TSESLint.Scope.Definition): ModuleValue | undefined {
  const node = definition.node;
  if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const reference = node.moduleReference;
    if (node.importKind === 'type' || reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return undefined;
    return moduleItself(typeof reference.expression.value === 'string' ? reference.expression.value : undefined);
  }
  const declaration = definition.parent;
  if (declaration?.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === 'type') return undefined;
  const module: ModuleValue = { moduleId: declaration.source.value, path: [] };
  if (node.type !== AST_NODE_TYPES.ImportSpecifier) return module;
  if (node.importKind === 'type') return undefined;
  return withKey(module, node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : node.imported.value);
}

/** `const { plugin } = require('m')`, `const { default: plugin } = await import('m')`: top-level keys of a never-reassigned binding. */
function destructuredValue(
  sourceCode: SourceCode,
  variable: TSESLint.Scope.Variable,
  definition: TSESLint.Scope.Definition,
  depth: number,
): ModuleValue | undefined {
  if (definition.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.ObjectPattern || !definition.node.init) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  const property = getDestructuringProperty(definition.name);
  if (property?.parent !== definition.node.id) return undefined;
  return withKey(moduleValueOf(sourceCode, definition.node.init, depth + 1), getStaticKeyName(sourceCode, property));
}

function identifierValue(sourceCode: SourceCode, identifier: TSESTree.Identifier, depth: number): ModuleValue | undefined {
  const variable = findVariableOf(sourceCode, identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0]!;
  if (definition.type === 'ImportBinding') return importedValue(definition);
  const init = getStableInitializer(variable);
  if (init) return moduleValueOf(sourceCode, init, depth + 1);
  return destructuredValue(sourceCode, variable, definition, depth);
}

/**
 * The module export an expression evaluates to, when the file shows it: followed through
 * `const` (and never-reassigned `let` / `var`) aliases, TypeScript wrappers, imports (ESM default,
 * named, namespace; TS `import x = require()`; type-only imports excluded), `require('m')` with
 * the global `require`, `(await) import('m')`, `.x` / `['x']` members and top-level
 * destructuring. For values that are passed rather than called, which `iterateModuleReferences`
 * does not report: `fastify.register(fastifySession, opts)`, `driver: MercuriusDriver`.
 */
export function moduleValueOf(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): ModuleValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return moduleValueOf(sourceCode, expression.argument, depth + 1);
    case AST_NODE_TYPES.ImportExpression:
      return moduleItself(staticString(sourceCode, expression.source));
    case AST_NODE_TYPES.CallExpression:
      return moduleItself(requiredModule(sourceCode, expression));
    case AST_NODE_TYPES.MemberExpression:
      return withKey(moduleValueOf(sourceCode, expression.object, depth + 1), ASTUtils.getPropertyName(expression, sourceCode.getScope(expression)));
    case AST_NODE_TYPES.Identifier:
      return identifierValue(sourceCode, expression, depth);
    default:
      return undefined;
  }
}

/**
 * Whether the value is the module itself (CommonJS value, namespace or default export) or one
 * of its named exports `exportNames`: how a plugin module may be handed to `register()`.
 */
export function isModuleOrNamedExport(value: ModuleValue, exportNames: readonly string[]): boolean {
  if (value.path.length === 0) return true;
  return value.path.length === 1 && exportNames.includes(value.path[0]!);
}

/** A file name that Node and bundlers load as JSON: `./settings.json`, `../config/limits.json`. */
const JSON_MODULE = /\.json$/u;

/** `JSON.parse(...)` with the global `JSON`. */
function isJsonParse(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return false;
  const owner = unwrapExpression(callee.object);
  return callee.property.name === 'parse' && owner.type === AST_NODE_TYPES.Identifier && owner.name === 'JSON' && isGlobalReference(sourceCode, owner);
}

/**
 * A value that is JSON data: read from a JSON file (`require('./settings.json').limits`, a JSON
 * module import, through `const` aliases and destructuring) or parsed with `JSON.parse`, or a part
 * of one. Such a value holds strings, numbers, arrays and plain objects only: never a function, a
 * client or a class instance, so it cannot be the `store` an options object needs.
 */
export function isJsonData(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (JSON_MODULE.test(moduleValueOf(sourceCode, node)?.moduleId ?? '')) return true;
  let root = unwrapExpression(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  return isJsonParse(sourceCode, resolveToDefinition(sourceCode, root));
}
