import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVariableOf, getStableInitializer } from '../../analysis/const-binding.js';
import { unwrapExpression } from '../../analysis/unwrap.js';

/** A value that is a module's export: `path` is empty for the module itself (and its default export). */
export interface ModuleValue {
  readonly moduleId: string;
  readonly path: readonly string[];
}

type SourceCode = Readonly<TSESLint.SourceCode>;

const MAX_DEPTH = 12;

function staticString(sourceCode: SourceCode, node: TSESTree.Node | undefined): string | undefined {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return undefined;
  return ASTUtils.getStringIfConstant(node, sourceCode.getScope(node)) ?? undefined;
}

/** `require('m')` with the global `require` (declared by the host or not, but not a local binding). */
function requiredModule(sourceCode: SourceCode, call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require') return undefined;
  const variable = findVariableOf(sourceCode, callee);
  if (variable && variable.defs.length > 0) return undefined;
  return staticString(sourceCode, call.arguments[0]);
}

/** The export path without `default`: a CJS plugin's `default` is the plugin itself (legacy interop). */
function withKey(value: ModuleValue | undefined, key: string | null): ModuleValue | undefined {
  if (!value || key === null) return undefined;
  return key === 'default' ? value : { moduleId: value.moduleId, path: [...value.path, key] };
}

function importBinding(definition: TSESLint.Scope.Definition): ModuleValue | undefined {
  const declaration = definition.parent;
  if (declaration?.type === AST_NODE_TYPES.ImportDeclaration) {
    if (declaration.importKind === 'type') return undefined;
    const moduleValue: ModuleValue = { moduleId: declaration.source.value, path: [] };
    const specifier = definition.node;
    if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) return moduleValue;
    if (specifier.importKind === 'type') return undefined;
    const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
    return withKey(moduleValue, imported);
  }
  const node = definition.node;
  if (
    node.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
    node.importKind !== 'type' &&
    node.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference &&
    node.moduleReference.expression.type === AST_NODE_TYPES.Literal &&
    typeof node.moduleReference.expression.value === 'string'
  ) {
    return { moduleId: node.moduleReference.expression.value, path: [] };
  }
  return undefined;
}

/** `const { plugin } = require('m')`, `const { default: plugin } = await import('m')`. */
function destructuredBinding(
  sourceCode: SourceCode,
  variable: TSESLint.Scope.Variable,
  definition: TSESLint.Scope.Definition,
  depth: number,
): ModuleValue | undefined {
  if (definition.type !== 'Variable' || definition.node.id.type !== AST_NODE_TYPES.ObjectPattern || !definition.node.init) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  let bound: TSESTree.Node = definition.name;
  if (bound.parent?.type === AST_NODE_TYPES.AssignmentPattern && bound.parent.left === bound) bound = bound.parent;
  const property = bound.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.parent !== definition.node.id || property.value !== bound) return undefined;
  const key = property.computed
    ? staticString(sourceCode, property.key)
    : property.key.type === AST_NODE_TYPES.Identifier
      ? property.key.name
      : String((property.key as TSESTree.Literal).value);
  return key === undefined ? undefined : withKey(moduleValueOf(sourceCode, definition.node.init, depth + 1), key);
}

function identifierValue(sourceCode: SourceCode, identifier: TSESTree.Identifier, depth: number): ModuleValue | undefined {
  const variable = findVariableOf(sourceCode, identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0]!;
  if (definition.type === 'ImportBinding') return importBinding(definition);
  const init = getStableInitializer(variable);
  if (init) return moduleValueOf(sourceCode, init, depth + 1);
  return destructuredBinding(sourceCode, variable, definition, depth);
}

/**
 * The module export an expression evaluates to, followed through `const` aliases, imports (ESM
 * default / named / namespace, TS `import x = require()`), `require('m')`, `(await) import('m')`,
 * destructuring and `.default`. Used where a module's value is passed rather than called:
 * `fastify.register(fastifySession, opts)`.
 */
export function moduleValueOf(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): ModuleValue | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.AwaitExpression:
      return moduleValueOf(sourceCode, expression.argument, depth + 1);
    case AST_NODE_TYPES.ImportExpression: {
      const moduleId = staticString(sourceCode, expression.source);
      return moduleId === undefined ? undefined : { moduleId, path: [] };
    }
    case AST_NODE_TYPES.CallExpression: {
      const moduleId = requiredModule(sourceCode, expression);
      return moduleId === undefined ? undefined : { moduleId, path: [] };
    }
    case AST_NODE_TYPES.MemberExpression:
      return withKey(moduleValueOf(sourceCode, expression.object, depth + 1), ASTUtils.getPropertyName(expression, sourceCode.getScope(expression)));
    case AST_NODE_TYPES.Identifier:
      return identifierValue(sourceCode, expression, depth);
    default:
      return undefined;
  }
}
