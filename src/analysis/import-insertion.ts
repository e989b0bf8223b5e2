import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** An export a suggestion needs, e.g. `tmpdir` of `node:os`. */
export interface ImportRequest {
  /** Every id the module may already be imported under, e.g. `['os', 'node:os']`. */
  readonly moduleIds: readonly string[];
  /** The id used when a new import has to be added, e.g. `'node:os'`. */
  readonly source: string;
  /** The export the suggestion uses, e.g. `'tmpdir'`. */
  readonly exportName: string;
  /** The local name of a new namespace binding, e.g. `'os'`. */
  readonly localName: string;
}

/** How to reach the export at the node: the expression text, and the import statement to add, if any. */
export interface PlannedImport {
  readonly expression: string;
  readonly statement?: string;
}

type ModuleStyle = 'esm' | 'cjs';

function requiredModuleId(node: TSESTree.Node | null | undefined): string | undefined {
  if (node?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const { callee, arguments: args } = node;
  const [first] = args;
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require' || args.length !== 1) return undefined;
  return first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? first.value : undefined;
}

function isRequireDeclaration(statement: TSESTree.ProgramStatement): statement is TSESTree.VariableDeclaration {
  return (
    statement.type === AST_NODE_TYPES.VariableDeclaration &&
    statement.declarations.length > 0 &&
    statement.declarations.every((declarator) => requiredModuleId(declarator.init) !== undefined)
  );
}

function isImportStatement(statement: TSESTree.ProgramStatement): boolean {
  return (
    statement.type === AST_NODE_TYPES.ImportDeclaration ||
    statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration ||
    isRequireDeclaration(statement)
  );
}

/** ES modules when the file has an `import` declaration, CommonJS when it `require`s, else its `sourceType`. */
function moduleStyleOf(sourceCode: Readonly<TSESLint.SourceCode>): ModuleStyle {
  const body = sourceCode.ast.body;
  if (body.some((statement) => statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== 'type')) return 'esm';
  if (body.some((statement) => isRequireDeclaration(statement))) return 'cjs';
  return sourceCode.ast.sourceType === 'module' ? 'esm' : 'cjs';
}

/** The local names a top-level import or `require` gives the module: the namespace and named bindings. */
function existingBindings(
  sourceCode: Readonly<TSESLint.SourceCode>,
  request: ImportRequest,
): { namespace?: TSESTree.Identifier; named?: TSESTree.Identifier } {
  const found: { namespace?: TSESTree.Identifier; named?: TSESTree.Identifier } = {};
  for (const statement of sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.importKind === 'type' || !request.moduleIds.includes(statement.source.value)) continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
          const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
          if (imported === request.exportName && specifier.importKind !== 'type') found.named ??= specifier.local;
        } else {
          found.namespace ??= specifier.local;
        }
      }
    } else if (statement.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = statement.moduleReference;
      if (
        statement.importKind !== 'type' &&
        reference.type === AST_NODE_TYPES.TSExternalModuleReference &&
        reference.expression.type === AST_NODE_TYPES.Literal &&
        request.moduleIds.includes(reference.expression.value)
      ) {
        found.namespace ??= statement.id;
      }
    } else if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const moduleId = requiredModuleId(declarator.init);
        if (moduleId === undefined || !request.moduleIds.includes(moduleId)) continue;
        if (declarator.id.type === AST_NODE_TYPES.Identifier) found.namespace ??= declarator.id;
        if (declarator.id.type === AST_NODE_TYPES.ObjectPattern) {
          for (const property of declarator.id.properties) {
            if (
              property.type === AST_NODE_TYPES.Property &&
              !property.computed &&
              property.key.type === AST_NODE_TYPES.Identifier &&
              property.key.name === request.exportName &&
              property.value.type === AST_NODE_TYPES.Identifier
            ) {
              found.named ??= property.value;
            }
          }
        }
      }
    }
  }
  return found;
}

/** Whether `identifier`, a top-level binding, is what its name means at `node` (not shadowed there). */
function isVisibleAt(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier, node: TSESTree.Node): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), identifier.name);
  return variable?.identifiers.includes(identifier) ?? false;
}

/**
 * How a suggestion at `node` can call `request.exportName`: through a binding the file already
 * has (`import { tmpdir } from 'os'` -> `tmpdir`, `const os = require('node:os')` -> `os.tmpdir`),
 * or through a new namespace binding added in the file's own style. `undefined` when the new
 * binding's name is already taken at `node`.
 */
export function planImport(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  request: ImportRequest,
): PlannedImport | undefined {
  const { namespace, named } = existingBindings(sourceCode, request);
  if (named && isVisibleAt(sourceCode, named, node)) return { expression: named.name };
  if (namespace && isVisibleAt(sourceCode, namespace, node)) return { expression: `${namespace.name}.${request.exportName}` };
  if (ASTUtils.findVariable(sourceCode.getScope(node), request.localName)) return undefined;
  const statement =
    moduleStyleOf(sourceCode) === 'esm'
      ? `import * as ${request.localName} from '${request.source}';`
      : `const ${request.localName} = require('${request.source}');`;
  return { expression: `${request.localName}.${request.exportName}`, statement };
}

/**
 * One fix that adds `statements` after the file's last leading import or `require` declaration,
 * or at the top of the file (after directives) when it has none.
 */
export function insertImportStatements(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  statements: readonly string[],
): TSESLint.RuleFix | undefined {
  if (statements.length === 0) return undefined;
  const text = statements.join('\n');
  const body = sourceCode.ast.body;
  let anchor: TSESTree.ProgramStatement | undefined;
  for (const statement of body) {
    if (isImportStatement(statement) || isDirective(statement)) anchor = statement;
    else break;
  }
  if (anchor) return fixer.insertTextAfter(anchor, `\n${text}`);
  const first = body[0];
  return first ? fixer.insertTextBefore(first, `${text}\n`) : fixer.insertTextAfterRange([0, 0], `${text}\n`);
}

function isDirective(statement: TSESTree.ProgramStatement): boolean {
  return statement.type === AST_NODE_TYPES.ExpressionStatement && typeof statement.directive === 'string';
}
