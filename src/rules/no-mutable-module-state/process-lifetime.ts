import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { moduleValueOf } from '../../analysis/module-value.js';
import { staticMemberKey, staticPropertyKey, type ClassNode } from '../../analysis/provenance.js';
import type { RunTimeCode } from '../../analysis/runtime-code.js';
import { skipWrapperParents, unwrapExpression } from '../../analysis/unwrap.js';
import { IN_MEMORY_STORE_NAME, NEST_PACKAGE_PREFIX, NEST_PER_REQUEST_SCOPES, NEST_PROVIDER_DECORATORS } from './catalog.js';
import { calleeName } from './callee-name.js';

/** Classes whose one instance lives as long as the process, so that its fields are module state. */
export interface ProcessLifetimeClasses {
  /**
   * The node that makes the one instance (`new C()` at load time, the Nest decorator, or the class
   * name of an `InMemory…Repository`), or `undefined`.
   */
  madeBy(classNode: ClassNode): TSESTree.Node | undefined;
}

/** `Injectable` imported from a `@nestjs/` package (Angular has an `@Injectable()` too, for browser services). */
function isNestImport(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Node): boolean {
  return moduleValueOf(sourceCode, callee)?.moduleId.startsWith(NEST_PACKAGE_PREFIX) === true;
}

/**
 * `@Injectable()`, `@Controller('users')`, `@Resolver()`, `@WebSocketGateway()` without a per-request
 * scope: Nest makes one instance for the application. A `scope` the file does not spell out
 * (`{ scope: configuredScope }`) keeps the class out.
 */
function nestSingletonDecorator(sourceCode: Readonly<TSESLint.SourceCode>, classNode: ClassNode): TSESTree.Decorator | undefined {
  for (const decorator of classNode.decorators ?? []) {
    const expression = decorator.expression;
    const call = expression.type === AST_NODE_TYPES.CallExpression ? expression : undefined;
    const callee = unwrapExpression(call ? call.callee : expression);
    if (!NEST_PROVIDER_DECORATORS.has(calleeName(callee) ?? '') || !isNestImport(sourceCode, callee)) continue;
    const options = call?.arguments.find((argument) => argument.type === AST_NODE_TYPES.ObjectExpression);
    const scope = options?.properties.find(
      (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && staticPropertyKey(property) === 'scope',
    );
    if (!scope) return decorator;
    const value = unwrapExpression(scope.value);
    const name = value.type === AST_NODE_TYPES.MemberExpression ? staticMemberKey(value) : undefined;
    return name !== undefined && !NEST_PER_REQUEST_SCOPES.has(name) ? decorator : undefined;
  }
  return undefined;
}

export function createProcessLifetimeClasses(sourceCode: Readonly<TSESLint.SourceCode>, runTime: RunTimeCode): ProcessLifetimeClasses {
  const known = new Map<ClassNode, TSESTree.Node | undefined>();

  /**
   * The one `new C()` of a class that the file only instantiates while it loads
   * (`module.exports = new Registry()`, `export const todos = new TodoRepository()`,
   * `new (class {...})()`). An exported class can be instantiated elsewhere, any number of times.
   */
  function loadTimeInstantiation(classNode: ClassNode): TSESTree.Node | undefined {
    const outer = skipWrapperParents(classNode);
    const parent = outer.parent;
    if (parent?.type === AST_NODE_TYPES.NewExpression && parent.callee === outer) return runTime.isRunTime(parent) ? undefined : parent;
    if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return undefined;
    const variables = [...sourceCode.getDeclaredVariables(classNode)];
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator) variables.push(...sourceCode.getDeclaredVariables(parent));
    // More than one instance, or any other use (exported, passed on), and the fields are no longer one process-wide copy.
    let only: TSESLint.Scope.Reference | undefined;
    for (const variable of variables) {
      for (const reference of variable.references) {
        if (reference.init) continue;
        if (only) return undefined;
        only = reference;
      }
    }
    if (!only) return undefined;
    const usage = skipWrapperParents(only.identifier);
    const isLoadTimeNew = usage.parent?.type === AST_NODE_TYPES.NewExpression && usage.parent.callee === usage && !runTime.isRunTime(usage.parent);
    return isLoadTimeNew ? usage.parent : undefined;
  }

  return {
    madeBy(classNode) {
      if (known.has(classNode)) return known.get(classNode);
      const namedStore = classNode.id && IN_MEMORY_STORE_NAME.test(classNode.id.name) ? classNode.id : undefined;
      const candidate = loadTimeInstantiation(classNode) ?? (classNode.decorators?.length ? nestSingletonDecorator(sourceCode, classNode) : undefined) ?? namedStore;
      // Whether the class itself is made at run time is the dearer question: asked only of a candidate.
      const found = candidate && !runTime.isRunTime(classNode) ? candidate : undefined;
      known.set(classNode, found);
      return found;
    },
  };
}
