import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/**
 * `require('m')`, `require('m').x`, `require('m')(…)`, `await import('m')` and the same behind
 * TypeScript wrappers: the literal module id, or null.
 */
function loadedModuleId(expression: TSESTree.Node | null | undefined): string | null {
  let node = expression;
  while (node) {
    switch (node.type) {
      case AST_NODE_TYPES.MemberExpression:
        node = node.object;
        continue;
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.ChainExpression:
        node = 'expression' in node ? node.expression : node.argument;
        continue;
      case AST_NODE_TYPES.ImportExpression:
        return node.source.type === AST_NODE_TYPES.Literal && typeof node.source.value === 'string' ? node.source.value : null;
      case AST_NODE_TYPES.CallExpression: {
        const [argument] = node.arguments;
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require') {
          return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : null;
        }
        node = node.callee;
        continue;
      }
      default:
        return null;
    }
  }
  return null;
}

/**
 * The module ids a file loads in its top-level statements: imports, re-exports, `import x =
 * require()`, and `require()` in top-level declarations and expression statements. It reads the
 * statements only, never the whole tree: a role is decided by what a file loads up front.
 */
export function topLevelModuleIds(program: TSESTree.Program): string[] {
  const ids: string[] = [];
  const add = (id: string | null): void => {
    if (id !== null) ids.push(id);
  };
  for (const statement of program.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ImportDeclaration:
      case AST_NODE_TYPES.ExportAllDeclaration:
        add(statement.source.value);
        break;
      case AST_NODE_TYPES.ExportNamedDeclaration:
        if (statement.source) add(statement.source.value);
        else if (statement.declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of statement.declaration.declarations) add(loadedModuleId(declarator.init));
        }
        break;
      case AST_NODE_TYPES.TSImportEqualsDeclaration:
        if (statement.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) add(literalId(statement.moduleReference.expression));
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        for (const declarator of statement.declarations) add(loadedModuleId(declarator.init));
        break;
      case AST_NODE_TYPES.ExpressionStatement:
        add(loadedModuleId(statement.expression.type === AST_NODE_TYPES.AssignmentExpression ? statement.expression.right : statement.expression));
        break;
      default:
        break;
    }
  }
  return ids;
}

function literalId(expression: TSESTree.Expression): string | null {
  return expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'string' ? expression.value : null;
}
