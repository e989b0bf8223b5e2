import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVariableOf, getDestructuringProperty, getStableInitializer } from './const-binding.js';
import { findProperty, getStaticExpressionValue, getStaticKeyName, resolveObjectSource } from './options-object.js';
import { skipWrapperParents, unwrapExpression } from './unwrap.js';

/**
 * Answers "is this node only reached when the process does not run in production?" from the
 * conditions that enclose it in the same file: `if` / ternary / `&&` / `||` / `switch` on the
 * environment, and early exits (`if (isProd) return;`) before it in the same block.
 */
export interface ProductionGuard {
  /** True when every path to `node` passes a test that is false in production. */
  isOnlyReachedOutsideProduction(node: TSESTree.Node): boolean;
  /**
   * True when `test` evaluating to `outcome` (truthy / falsy) proves that the process is not
   * in production: `excludesProduction(isDev, true)`, `excludesProduction(isProd, false)`.
   */
  excludesProduction(test: TSESTree.Node, outcome: boolean): boolean;
}

export interface ProductionGuardOptions {
  /**
   * The team's own flags, as written in code: `isDev`, `config.dev`, `env.isDevelopment()`
   * (true only outside production), or with a leading `!` a production flag: `!config.isProd`.
   */
  readonly guards?: readonly string[];
}

/** A guard option entry, parsed: the access path, whether it is called, and its polarity. */
interface UserGuard {
  readonly path: string;
  readonly called: boolean;
  /** `true`: a development flag (truthy outside production); `false`: a production flag. */
  readonly truthyOutsideProduction: boolean;
}

/** A `guards` entry: `!`? then identifiers joined by dots, optionally followed by `()`. */
export const GUARD_ENTRY_PATTERN = '^!?(?:[A-Za-z_$][\\w$]*)(?:\\.[A-Za-z_$][\\w$]*)*(?:\\(\\))?$';

const MAX_DEPTH = 12;

/** Values of NODE_ENV-like settings that name a non-production environment. */
const NON_PRODUCTION_VALUES: ReadonlySet<string> = new Set(['development', 'dev', 'test', 'testing', 'local']);
const PRODUCTION_VALUES: ReadonlySet<string> = new Set(['production', 'prod']);

/** Names (lower-cased, without `_`/`$`) of settings that hold the environment's name. */
const ENVIRONMENT_NAMES: ReadonlySet<string> = new Set([
  'nodeenv',
  'env',
  'environment',
  'envname',
  'environmentname',
  'appenv',
  'mode',
  'stage',
]);

/** `isDev`, `IS_DEVELOPMENT`, `__DEV__`, `devMode`, `isTest`, `dev` (after normalising). */
const DEVELOPMENT_FLAG = /^(?:(?:is|in)?(?:dev|development)|(?:is|in)(?:test|testing))(?:env|environment|mode|build)?$/u;
/** `isProd`, `IS_PRODUCTION`, `__PROD__`, `inProduction`, `prod`. */
const PRODUCTION_FLAG = /^(?:is|in)?(?:prod|production)(?:env|environment|mode|build)?$/u;

const STRING_NORMALISERS: ReadonlySet<string> = new Set(['toLowerCase', 'toUpperCase', 'trim', 'toString', 'valueOf']);

function normaliseName(name: string): string {
  return name.replace(/[_$]/gu, '').toLowerCase();
}

/** `true`: the name reads as a development flag; `false`: a production flag; `undefined`: neither. */
function flagPolarity(name: string): boolean | undefined {
  const normalised = normaliseName(name);
  if (DEVELOPMENT_FLAG.test(normalised)) return true;
  if (PRODUCTION_FLAG.test(normalised)) return false;
  return undefined;
}

function parseGuard(entry: string): UserGuard {
  const production = entry.startsWith('!');
  const withoutBang = production ? entry.slice(1) : entry;
  const called = withoutBang.endsWith('()');
  return { path: called ? withoutBang.slice(0, -2) : withoutBang, called, truthyOutsideProduction: !production };
}

/** `a.b.c` for an identifier / `this` / non-computed (or literal-keyed) member chain, else undefined. */
function accessPath(node: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const property = memberName(expression);
    const object = accessPath(expression.object);
    return property === undefined || object === undefined ? undefined : `${object}.${property}`;
  }
  return undefined;
}

/** The static property name of `a.b` / `a['b']`, else undefined. */
function memberName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed) return member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : undefined;
  const key = member.property;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function firstArgument(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const [argument] = call.arguments;
  return argument && argument.type !== AST_NODE_TYPES.SpreadElement ? argument : undefined;
}

/** The key an identifier is bound to by object destructuring (`{ NODE_ENV: env }`, `{ isDev = false }`). */
function destructuredKey(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): string | undefined {
  const variable = findVariableOf(sourceCode, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const property = definition && getDestructuringProperty(definition.name);
  return property && getStaticKeyName(sourceCode, property);
}

/** Statements that always leave the enclosing block: return, throw, break, continue, `process.exit()`. */
function alwaysExits(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some(alwaysExits);
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate !== null && alwaysExits(statement.consequent) && alwaysExits(statement.alternate);
    case AST_NODE_TYPES.ExpressionStatement:
      return isProcessExit(statement.expression);
    default:
      return false;
  }
}

function isProcessExit(expression: TSESTree.Expression): boolean {
  const call = unwrapExpression(expression);
  return call.type === AST_NODE_TYPES.CallExpression && accessPath(call.callee) === 'process.exit';
}

/** Function declarations are hoisted: code before an early exit can call them. */
function isHoisted(statement: TSESTree.Node): boolean {
  if (statement.type === AST_NODE_TYPES.FunctionDeclaration) return true;
  if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
    return statement.declaration?.type === AST_NODE_TYPES.FunctionDeclaration;
  }
  return false;
}

function statementListContaining(parent: TSESTree.Node, child: TSESTree.Node): readonly TSESTree.Node[] | undefined {
  switch (parent.type) {
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.StaticBlock:
      return parent.body;
    case AST_NODE_TYPES.SwitchCase:
      return parent.consequent.includes(child as TSESTree.Statement) ? parent.consequent : undefined;
    default:
      return undefined;
  }
}

/**
 * Builds the guard analysis for one file. Holds no state beyond the parsed options, so it is
 * created once per `create()`.
 */
export function createProductionGuard(
  sourceCode: Readonly<TSESLint.SourceCode>,
  options: ProductionGuardOptions = {},
): ProductionGuard {
  const userGuards = (options.guards ?? []).map(parseGuard);

  function userGuardExcludes(expression: TSESTree.Node, outcome: boolean): boolean {
    if (userGuards.length === 0) return false;
    const called = expression.type === AST_NODE_TYPES.CallExpression;
    const path = accessPath(called ? expression.callee : expression);
    if (path === undefined) return false;
    return userGuards.some((guard) => guard.path === path && guard.called === called && guard.truthyOutsideProduction === outcome);
  }

  function nameExcludes(name: string | undefined, outcome: boolean): boolean {
    return name !== undefined && flagPolarity(name) === outcome;
  }

  function staticString(node: TSESTree.Node): string | undefined {
    const value = getStaticExpressionValue(sourceCode, node);
    return typeof value?.value === 'string' ? value.value : undefined;
  }

  /** `Environment.Production`, `NodeEnv.DEV`: a TypeScript enum (or frozen object) member named after an environment. */
  function enumMemberName(node: TSESTree.Node): string | undefined {
    const expression = unwrapExpression(node);
    if (expression.type !== AST_NODE_TYPES.MemberExpression || expression.object.type !== AST_NODE_TYPES.Identifier) return undefined;
    return memberName(expression);
  }

  /** Does `node` hold the name of the environment (`process.env.NODE_ENV`, `app.get('env')`, ...)? */
  function isEnvironmentName(node: TSESTree.Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const expression = unwrapExpression(node);
    switch (expression.type) {
      case AST_NODE_TYPES.MemberExpression: {
        const name = memberName(expression);
        return name !== undefined && ENVIRONMENT_NAMES.has(normaliseName(name));
      }
      case AST_NODE_TYPES.Identifier: {
        if (ENVIRONMENT_NAMES.has(normaliseName(expression.name))) return true;
        const key = destructuredKey(sourceCode, expression);
        if (key !== undefined && ENVIRONMENT_NAMES.has(normaliseName(key))) return true;
        const variable = findVariableOf(sourceCode, expression);
        const init = variable && getStableInitializer(variable);
        return init !== undefined && isEnvironmentName(init, depth + 1);
      }
      case AST_NODE_TYPES.CallExpression:
        return isEnvironmentNameCall(expression, depth);
      case AST_NODE_TYPES.LogicalExpression:
        // `process.env.NODE_ENV || 'development'`: the fallback only fills in an unset value.
        return expression.operator !== '&&' && isEnvironmentName(expression.left, depth + 1);
      default:
        return false;
    }
  }

  function isEnvironmentNameCall(call: TSESTree.CallExpression, depth: number): boolean {
    const callee = unwrapExpression(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = memberName(callee);
      if (method !== undefined && STRING_NORMALISERS.has(method)) return isEnvironmentName(callee.object, depth + 1);
    }
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'String') {
      const argument = firstArgument(call);
      return argument !== undefined && isEnvironmentName(argument, depth + 1);
    }
    // `app.get('env')`, `config.get('NODE_ENV')`, `configService.get<string>('NODE_ENV')`.
    const argument = firstArgument(call);
    const key = argument && staticString(argument);
    return key !== undefined && ENVIRONMENT_NAMES.has(normaliseName(key));
  }

  /** 'production' | 'development' classification of a compared string, or undefined. */
  function classifyValue(node: TSESTree.Node): 'production' | 'other-environment' | undefined {
    const value = staticString(node) ?? enumMemberName(node);
    if (value === undefined) return undefined;
    const normalised = value.toLowerCase();
    if (PRODUCTION_VALUES.has(normalised)) return 'production';
    if (NON_PRODUCTION_VALUES.has(normalised)) return 'other-environment';
    return undefined;
  }

  function comparisonExcludes(test: TSESTree.BinaryExpression, outcome: boolean, depth: number): boolean {
    const equality = test.operator === '===' || test.operator === '==';
    if (!equality && test.operator !== '!==' && test.operator !== '!=') return false;
    for (const [environment, compared] of [
      [test.left, test.right],
      [test.right, test.left],
    ] as const) {
      const kind = classifyValue(compared);
      if (kind === undefined || !isEnvironmentName(environment, depth + 1)) continue;
      // `env === 'production'` is false exactly when not in production; `env === 'development'` true only outside it.
      return kind === 'production' ? outcome !== equality : outcome === equality;
    }
    return false;
  }

  /** `['development', 'test'].includes(env)` / `!['production'].includes(env)`. */
  function includesExcludes(call: TSESTree.CallExpression, outcome: boolean, depth: number): boolean {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'includes') return false;
    const argument = firstArgument(call);
    if (!argument || !isEnvironmentName(argument, depth + 1)) return false;
    const list = resolveArray(callee.object);
    if (!list || list.length === 0) return false;
    const kinds = list.map((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? classifyValue(element) : undefined));
    if (kinds.includes('production')) return outcome === false;
    return outcome === true && kinds.every((kind) => kind === 'other-environment');
  }

  function resolveArray(node: TSESTree.Node): TSESTree.ArrayExpression['elements'] | undefined {
    let current = unwrapExpression(node);
    if (current.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariableOf(sourceCode, current);
      const init = variable && getStableInitializer(variable);
      if (init) current = unwrapExpression(init);
    }
    return current.type === AST_NODE_TYPES.ArrayExpression ? current.elements : undefined;
  }

  /**
   * Does the expression test the environment's name itself? Then its analysis is the answer
   * and the flag's name is not consulted: `const isDev = process.env.NODE_ENV !== 'test'` is
   * true in production whatever it is called.
   */
  function testsEnvironmentName(node: TSESTree.Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const expression = unwrapExpression(node);
    switch (expression.type) {
      case AST_NODE_TYPES.UnaryExpression:
        return testsEnvironmentName(expression.argument, depth + 1);
      case AST_NODE_TYPES.LogicalExpression:
        return testsEnvironmentName(expression.left, depth + 1) || testsEnvironmentName(expression.right, depth + 1);
      case AST_NODE_TYPES.BinaryExpression:
        return isEnvironmentName(expression.left, depth + 1) || isEnvironmentName(expression.right, depth + 1);
      case AST_NODE_TYPES.CallExpression: {
        const argument = firstArgument(expression);
        return argument !== undefined && isEnvironmentName(argument, depth + 1);
      }
      default:
        return false;
    }
  }

  /**
   * A flag's value where it is defined decides when the definition can be read; otherwise
   * (imported, a parameter, a call result, `process.env.DEV === 'true'`) the flag's name does.
   */
  function definedFlagExcludes(
    definition: TSESTree.Node | undefined,
    names: readonly (string | undefined)[],
    outcome: boolean,
    depth: number,
  ): boolean {
    if (definition) {
      if (excludes(definition, outcome, depth + 1)) return true;
      if (getStaticExpressionValue(sourceCode, definition) || testsEnvironmentName(definition, depth + 1)) return false;
    }
    return names.some((name) => nameExcludes(name, outcome));
  }

  function identifierExcludes(identifier: TSESTree.Identifier, outcome: boolean, depth: number): boolean {
    const variable = findVariableOf(sourceCode, identifier);
    const init = variable && getStableInitializer(variable);
    return definedFlagExcludes(init, [identifier.name, destructuredKey(sourceCode, identifier)], outcome, depth);
  }

  function memberExcludes(member: TSESTree.MemberExpression, outcome: boolean, depth: number): boolean {
    const name = memberName(member);
    if (name === undefined) return false;
    // `const config = { isDev: process.env.NODE_ENV !== 'production' }` then `config.isDev`.
    const lookup = findProperty(sourceCode, resolveObjectSource(sourceCode, member.object), name);
    return definedFlagExcludes(lookup.kind === 'present' ? lookup.value : undefined, [name], outcome, depth);
  }

  function callExcludes(call: TSESTree.CallExpression, outcome: boolean, depth: number): boolean {
    const callee = unwrapExpression(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Boolean') {
      const argument = firstArgument(call);
      return argument !== undefined && excludes(argument, outcome, depth + 1);
    }
    if (includesExcludes(call, outcome, depth)) return true;
    // `isDevelopment()`, `env.isDev()`: a function named as a flag answers like the flag.
    if (call.arguments.length > 0) return false;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const returned = singleReturnedExpression(callee);
      return definedFlagExcludes(returned, [callee.name], outcome, depth);
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) return nameExcludes(memberName(callee), outcome);
    return false;
  }

  /** `function shouldCompile() { return process.env.NODE_ENV === 'development'; }`: the one returned expression. */
  function singleReturnedExpression(callee: TSESTree.Identifier): TSESTree.Node | undefined {
    const variable = findVariableOf(sourceCode, callee);
    if (variable?.defs.length !== 1) return undefined;
    const [definition] = variable.defs;
    let fn: TSESTree.Node | undefined;
    if (definition?.type === 'FunctionName') fn = definition.node;
    else fn = getStableInitializer(variable);
    if (
      fn?.type !== AST_NODE_TYPES.FunctionDeclaration &&
      fn?.type !== AST_NODE_TYPES.FunctionExpression &&
      fn?.type !== AST_NODE_TYPES.ArrowFunctionExpression
    ) {
      return undefined;
    }
    if (fn.params.length > 0 || fn.async || fn.generator) return undefined;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
    const [statement] = fn.body.body;
    return fn.body.body.length === 1 && statement?.type === AST_NODE_TYPES.ReturnStatement && statement.argument ? statement.argument : undefined;
  }

  function excludes(node: TSESTree.Node, outcome: boolean, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const expression = unwrapExpression(node);
    if (userGuardExcludes(expression, outcome)) return true;
    // A constant test never takes the other branch: `if (false) { ... }` is never reached at all.
    const constant = getStaticExpressionValue(sourceCode, expression);
    if (constant) return Boolean(constant.value) !== outcome;
    switch (expression.type) {
      case AST_NODE_TYPES.UnaryExpression:
        return expression.operator === '!' && excludes(expression.argument, !outcome, depth + 1);
      case AST_NODE_TYPES.LogicalExpression:
        return logicalExcludes(expression, outcome, depth);
      case AST_NODE_TYPES.BinaryExpression:
        return comparisonExcludes(expression, outcome, depth);
      case AST_NODE_TYPES.CallExpression:
        return callExcludes(expression, outcome, depth);
      case AST_NODE_TYPES.Identifier:
        return identifierExcludes(expression, outcome, depth);
      case AST_NODE_TYPES.MemberExpression:
        return memberExcludes(expression, outcome, depth);
      default:
        return false;
    }
  }

  function logicalExcludes(test: TSESTree.LogicalExpression, outcome: boolean, depth: number): boolean {
    const left = (value: boolean): boolean => excludes(test.left, value, depth + 1);
    const right = (value: boolean): boolean => excludes(test.right, value, depth + 1);
    if (test.operator === '&&') return outcome ? left(true) || right(true) : left(false) && right(false);
    if (test.operator === '||') return outcome ? left(true) && right(true) : left(false) || right(false);
    return false;
  }

  /** After `if (test) return;` the rest of the block runs only when the test was falsy (and vice versa). */
  function earlyExitExcludes(statement: TSESTree.Node): boolean {
    if (statement.type !== AST_NODE_TYPES.IfStatement) return false;
    const consequentExits = alwaysExits(statement.consequent);
    const alternateExits = statement.alternate !== null && alwaysExits(statement.alternate);
    if (consequentExits && !alternateExits) return excludes(statement.test, false, 0);
    if (alternateExits && !consequentExits) return excludes(statement.test, true, 0);
    return false;
  }

  function precededByEarlyExit(list: readonly TSESTree.Node[], child: TSESTree.Node): boolean {
    if (isHoisted(child)) return false;
    const index = list.indexOf(child);
    for (let position = 0; position < index; position++) {
      if (earlyExitExcludes(list[position]!)) return true;
    }
    return false;
  }

  /** Inside `case 'development':` of `switch (process.env.NODE_ENV)`, including cases that fall through into it. */
  function switchCaseExcludes(switchCase: TSESTree.SwitchCase): boolean {
    const statement = switchCase.parent;
    if (!isEnvironmentName(statement.discriminant, 0)) return false;
    const cases = statement.cases;
    for (let index = cases.indexOf(switchCase); index >= 0; index--) {
      const entry = cases[index]!;
      if (entry.test === null || classifyValue(entry.test) !== 'other-environment') return false;
      const previous = cases[index - 1];
      if (!previous || previous.consequent.some(alwaysExits)) return true;
    }
    return true;
  }

  function guardedBy(parent: TSESTree.Node, child: TSESTree.Node): boolean {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === parent.consequent) return excludes(parent.test, true, 0);
        if (child === parent.alternate) return excludes(parent.test, false, 0);
        return false;
      case AST_NODE_TYPES.LogicalExpression:
        if (child !== parent.right) return false;
        if (parent.operator === '&&') return excludes(parent.left, true, 0);
        if (parent.operator === '||') return excludes(parent.left, false, 0);
        return false;
      case AST_NODE_TYPES.SwitchCase:
        return parent.consequent.includes(child as TSESTree.Statement) && switchCaseExcludes(parent);
      default:
        return false;
    }
  }

  /** The variable a function is bound to: `function f() {}` or `const f = () => {}`, not exported. */
  function functionBinding(fn: TSESTree.FunctionLike): TSESLint.Scope.Variable | undefined {
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
      if (!fn.id || isExport(fn.parent)) return undefined;
      return findVariableOf(sourceCode, fn.id);
    }
    if (fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) return undefined;
    const declarator = skipWrapperParents(fn).parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (declarator.parent.kind !== 'const' || isExport(declarator.parent.parent)) return undefined;
    return findVariableOf(sourceCode, declarator.id);
  }

  /**
   * A function of this file that is only ever called, and each call is only reached outside
   * production: `function setupDev(app) { ... }` with `if (isDev) setupDev(app);`. Passing it
   * anywhere else (an export, a callback, `module.exports`) makes its callers unknown.
   */
  function onlyCalledOutsideProduction(fn: TSESTree.FunctionLike, visiting: Set<TSESTree.Node>): boolean {
    if (visiting.has(fn)) return true;
    const variable = functionBinding(fn);
    const references = variable?.references.filter((reference) => !reference.init) ?? [];
    if (references.length === 0) return false;
    visiting.add(fn);
    try {
      return references.every((reference) => {
        const identifier = reference.identifier;
        const call = skipWrapperParents(identifier).parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || unwrapExpression(call.callee) !== identifier) return false;
        return reached(call, visiting);
      });
    } finally {
      visiting.delete(fn);
    }
  }

  function reached(node: TSESTree.Node, visiting: Set<TSESTree.Node>): boolean {
    let child = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (guardedBy(parent, child)) return true;
      const list = statementListContaining(parent, child);
      if (list && precededByEarlyExit(list, child)) return true;
      if (ASTUtils.isFunction(parent) && child === parent.body && onlyCalledOutsideProduction(parent, visiting)) return true;
    }
    return false;
  }

  return {
    excludesProduction: (test, outcome) => excludes(test, outcome, 0),
    isOnlyReachedOutsideProduction: (node) => reached(node, new Set()),
  };
}

function isExport(node: TSESTree.Node | undefined): boolean {
  return node?.type === AST_NODE_TYPES.ExportNamedDeclaration || node?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}
