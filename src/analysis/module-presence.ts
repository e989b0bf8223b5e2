import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { globalIdentifierReferences } from './module-references.js';

/**
 * Cheap, conservative tests of the statements and calls that let `iterateModuleReferences`
 * find a module: an import or export-from, `import x = require()`, a `require()` call,
 * `process.getBuiltinModule` and `module.createRequire`. A rule can walk module references only
 * in a file where one of them matched, because most files load none of the tracked modules.
 * Each test answers `true` whenever it cannot tell. They read scopes, not the text: the global
 * scope's unresolved references are few, and searching the whole text costs more.
 */

/** `createRequire` comes from this module; a file that loads it may `require` anything through a local binding. */
const MODULE_BUILTIN: ReadonlySet<string> = new Set(['module', 'node:module']);

export type ModuleIds = ReadonlySet<string>;

function isTracked(moduleIds: ModuleIds, moduleId: string): boolean {
  return moduleIds.has(moduleId) || MODULE_BUILTIN.has(moduleId);
}

/**
 * An esquery regular expression (without slashes) matching exactly the tracked module ids and the
 * `module` built-in, for selectors such as `ImportDeclaration[source.value=/^(?:...)$/]`.
 */
export function moduleIdPattern(moduleIds: ModuleIds): string {
  const escaped = [...moduleIds, ...MODULE_BUILTIN].map((moduleId) => moduleId.replace(/[$()*+./?[\\\]^{|}]/gu, (character) => `\\${character}`));
  return `^(?:${escaped.join('|')})$`;
}

/** Whether an import or export-from statement names a tracked module. */
export function declarationLoads(
  declaration: TSESTree.ImportDeclaration | TSESTree.ExportAllDeclaration | TSESTree.ExportNamedDeclaration,
  moduleIds: ModuleIds,
): boolean {
  return declaration.source !== null && isTracked(moduleIds, declaration.source.value);
}

/** Whether `import x = require('m')` may name a tracked module. */
export function importEqualsLoads(declaration: TSESTree.TSImportEqualsDeclaration, moduleIds: ModuleIds): boolean {
  const reference = declaration.moduleReference;
  if (reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return false;
  const source = reference.expression;
  return source.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string' || isTracked(moduleIds, source.value);
}

/** Whether a `require(...)` call may load a tracked module: a string literal is read, anything else may fold to one. */
function requireCallLoads(call: TSESTree.CallExpression, moduleIds: ModuleIds): boolean {
  const [argument] = call.arguments;
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return false;
  if (argument.type !== AST_NODE_TYPES.Literal) return true;
  return typeof argument.value === 'string' && isTracked(moduleIds, argument.value);
}

/** Whether a call of the global `require` (declared by the host or not) may load a tracked module. */
export function requireCallsMayLoad(globalScope: TSESLint.Scope.Scope, moduleIds: ModuleIds): boolean {
  for (const identifier of globalIdentifierReferences(globalScope, 'require')) {
    const call = identifier.parent;
    if (call.type === AST_NODE_TYPES.CallExpression && call.callee === identifier && requireCallLoads(call, moduleIds)) return true;
  }
  return false;
}

/** Whether the global `process` may be asked for `getBuiltinModule`: a computed key other than a string literal may fold to it. */
export function mayCallGetBuiltinModule(globalScope: TSESLint.Scope.Scope): boolean {
  for (const identifier of globalIdentifierReferences(globalScope, 'process')) {
    const member = identifier.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) continue;
    const property = member.property;
    if (member.computed ? property.type !== AST_NODE_TYPES.Literal || property.value === 'getBuiltinModule' : property.type === AST_NODE_TYPES.Identifier && property.name === 'getBuiltinModule') {
      return true;
    }
  }
  return false;
}
