import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { resolveToDefinition } from '../../analysis/const-binding.js';
import { unwrapExpression } from '../../analysis/unwrap.js';

/** A module export an expression evaluates to; `*` is the module object itself (CommonJS `module.exports`, a namespace). */
export interface ModuleExport {
  readonly moduleId: string;
  readonly exportName: string;
}

const MAX_DEPTH = 8;

/**
 * Which module export a value comes from, when the file shows it: a plugin passed to
 * `app.register(x, opts)` or a `driver: X` option. Follows `const` aliases, ESM imports of every
 * kind, TypeScript `import x = require()`, `require('m')` (with `.x` and destructuring) and
 * `import('m')` (fastify accepts the promise). `undefined` for anything else.
 */
export function resolveModuleExport(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  depth = 0,
): ModuleExport | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let expression = resolveToDefinition(sourceCode, node);
  if (expression.type === AST_NODE_TYPES.AwaitExpression) expression = unwrapExpression(expression.argument);
  switch (expression.type) {
    case AST_NODE_TYPES.ImportExpression: {
      const moduleId = staticString(sourceCode, expression.source);
      return moduleId === undefined ? undefined : { moduleId, exportName: '*' };
    }
    case AST_NODE_TYPES.CallExpression: {
      const moduleId = requiredModuleId(sourceCode, expression);
      return moduleId === undefined ? undefined : { moduleId, exportName: '*' };
    }
    case AST_NODE_TYPES.MemberExpression: {
      const name = ASTUtils.getPropertyName(expression, sourceCode.getScope(expression));
      const object = name === null ? undefined : resolveModuleExport(sourceCode, expression.object, depth + 1);
      return object?.exportName === '*' && name !== null ? { moduleId: object.moduleId, exportName: name } : undefined;
    }
    case AST_NODE_TYPES.Identifier:
      return fromBinding(sourceCode, expression, depth);
    default:
      return undefined;
  }
}

function staticString(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string | undefined {
  return ASTUtils.getStringIfConstant(node as TSESTree.Expression, sourceCode.getScope(node)) ?? undefined;
}

/** `require('m')` with the global (possibly undeclared) `require`. */
function requiredModuleId(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): string | undefined {
  const [argument] = call.arguments;
  if (call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== 'require' || !argument) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(call.callee), call.callee);
  if (variable && variable.defs.length > 0) return undefined;
  return argument.type === AST_NODE_TYPES.SpreadElement ? undefined : staticString(sourceCode, argument);
}

function fromBinding(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
  depth: number,
): ModuleExport | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0]!;
  if (definition.type === 'ImportBinding') return fromImport(definition.node);
  if (definition.type === 'Variable' && definition.node.init && definition.node.id.type === AST_NODE_TYPES.ObjectPattern) {
    const key = destructuredKey(sourceCode, definition.node.id, definition.name);
    const source = key === undefined ? undefined : resolveModuleExport(sourceCode, definition.node.init, depth + 1);
    return source?.exportName === '*' && key !== undefined ? { moduleId: source.moduleId, exportName: key } : undefined;
  }
  return undefined;
}

function fromImport(
  node: TSESTree.ImportClause | TSESTree.TSImportEqualsDeclaration,
): ModuleExport | undefined {
  if (node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
    const reference = node.moduleReference;
    if (node.importKind === 'type' || reference.type !== AST_NODE_TYPES.TSExternalModuleReference) return undefined;
    const source = reference.expression;
    return typeof source.value === 'string' ? { moduleId: source.value, exportName: '*' } : undefined;
  }
  const declaration = node.parent;
  if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === 'type') return undefined;
  const moduleId = declaration.source.value;
  switch (node.type) {
    case AST_NODE_TYPES.ImportDefaultSpecifier:
      return { moduleId, exportName: 'default' };
    case AST_NODE_TYPES.ImportNamespaceSpecifier:
      return { moduleId, exportName: '*' };
    case AST_NODE_TYPES.ImportSpecifier: {
      if (node.importKind === 'type') return undefined;
      const imported = node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : String(node.imported.value);
      return { moduleId, exportName: imported };
    }
  }
}

/** The key under which `const { key: name } = ...` (or `{ name }`, `{ key: name = d }`) binds `name`. */
function destructuredKey(
  sourceCode: Readonly<TSESLint.SourceCode>,
  pattern: TSESTree.ObjectPattern,
  name: TSESTree.Identifier,
): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value !== name) continue;
    if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
    const key = ASTUtils.getStaticValue(property.key, sourceCode.getScope(property.key));
    return typeof key?.value === 'string' ? key.value : undefined;
  }
  return undefined;
}
