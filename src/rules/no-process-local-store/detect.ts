import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { storeCalleeNames } from '../../analysis/allowed-stores.js';
import { resolveToDefinition } from '../../analysis/const-binding.js';
import { type ModuleReference } from '../../analysis/module-references.js';
import { isJsonData, isModuleOrNamedExport, moduleValueOf } from '../../analysis/module-value.js';
import {
  findProperty,
  getArgumentObject,
  getStaticExpressionValue,
  getStaticKeyName,
  getStaticPropertyValue,
  resolveObjectSource,
  type ObjectSource,
  type PropertyLookup,
} from '../../analysis/options-object.js';
import { skipWrapperParents, unwrapExpression } from '../../analysis/unwrap.js';
import { FASTIFY_PLUGINS, MERCURIUS_DRIVER, type Family, type Sink } from './libraries.js';

/** One process-local store the rule may report. */
export interface Finding {
  readonly node: TSESTree.Node;
  readonly family: Family;
  readonly subject: string;
  /** Names the store's constructor goes by here (local callee name, export name), for `allowStores`. */
  readonly storeNames: readonly string[];
}

/** Everything the detection found in one file. */
export interface Detection {
  readonly findings: readonly Finding[];
  /**
   * Library references that are not process-local (shared stores, a limiter given a store):
   * their presence in the other branch of a conditional marks a finding as a fallback.
   */
  readonly alternatives: readonly TSESTree.Node[];
}

type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;

function isCallLike(node: TSESTree.Node): node is CallLike {
  return node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression;
}

/**
 * Finds every process-local store of the known libraries in the file, from the file's
 * references to `STORE_TRACE_MAP` (in the order `iterateModuleReferences` yields them).
 */
export function detectLocalStores(
  sourceCode: Readonly<TSESLint.SourceCode>,
  storeReferences: readonly ModuleReference<Sink>[],
  registerCalls: readonly TSESTree.CallExpression[],
): Detection {
  const references = uniqueCalls(storeReferences);
  const memoryEmitters = new Set(references.filter(({ info }) => info.kind === 'memoryEmitter').map(({ node }) => node as TSESTree.Node));
  const findings: Finding[] = [];
  const alternatives: TSESTree.Node[] = [];
  const context: DetectContext = { sourceCode, memoryEmitters };
  for (const reference of references) {
    const finding = judgeReference(context, reference);
    if (finding) findings.push(finding);
    else if (reference.info.kind !== 'memoryEmitter') alternatives.push(reference.node);
  }
  for (const call of registerCalls) {
    const finding = judgeRegisterCall(context, call);
    if (finding) findings.push(finding);
  }
  return { findings, alternatives };
}

interface DetectContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly memoryEmitters: ReadonlySet<TSESTree.Node>;
}

interface CallReference {
  readonly node: CallLike;
  readonly info: Sink;
  readonly path: readonly string[];
}

function uniqueCalls(references: readonly ModuleReference<Sink>[]): CallReference[] {
  const seen = new Set<TSESTree.Node>();
  const calls: CallReference[] = [];
  for (const { node, info, path } of references) {
    if (!isCallLike(node) || seen.has(node)) continue;
    seen.add(node);
    calls.push({ node, info, path });
  }
  return calls;
}

function judgeReference(context: DetectContext, reference: CallReference): Finding | undefined {
  const { sourceCode } = context;
  const { node, info } = reference;
  switch (info.kind) {
    case 'defaultStore':
      return lacksArgumentOption(sourceCode, node, 0, info.option)
        ? finding(node, info.family, info.label, [])
        : undefined;
    case 'localStore':
      if (info.insurable && isInsuranceOnly(sourceCode, node)) return undefined;
      return finding(node, info.family, info.label, storeNames(sourceCode, node, reference.path));
    case 'bruteFlexible':
      return judgeBruteFlexible(sourceCode, node, reference.path);
    case 'createPubSub':
      return lacksArgumentOption(sourceCode, node, 0, 'eventTarget')
        ? finding(node, 'yogaPubSub', '`createPubSub()` without `eventTarget`', [])
        : undefined;
    case 'koaDriver': {
      const driver = findProperty(sourceCode, getArgumentObject(sourceCode, node, 0), 'driver');
      return driver.kind === 'present' && getStaticPropertyValue(sourceCode, driver)?.value === 'memory'
        ? finding(driver.property, 'koaRateLimit', "koa-ratelimit `driver: 'memory'`", [])
        : undefined;
    }
    case 'nestThrottler':
      return judgeThrottler(sourceCode, node, info.async);
    case 'nestGraphql':
      return judgeNestGraphql(context, node, info.async);
    case 'memoryEmitter':
    case 'sharedStore':
      return undefined;
  }
}

function finding(node: TSESTree.Node, family: Family, subject: string, names: readonly string[]): Finding {
  return { node, family, subject, storeNames: names };
}

/**
 * The option is certainly absent (or `undefined` / `null`), so the library falls back to memory.
 * Every option this rule asks about holds a live object (a store, a client, an event target), which
 * JSON settings cannot: `rateLimit({ ...settings.rateLimit })` with `settings` read from a JSON file has no store.
 */
function lacksOption(sourceCode: Readonly<TSESLint.SourceCode>, options: ObjectSource, key: string): boolean {
  return isAbsent(sourceCode, findProperty(sourceCode, options, key, (spread) => isJsonData(sourceCode, spread)));
}

/** `lacksOption` for argument `index` of a call, which may itself be JSON settings (`rateLimit(settings.rateLimit)`). */
function lacksArgumentOption(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression | TSESTree.NewExpression, index: number, key: string): boolean {
  const argument = call.arguments[index];
  if (argument && argument.type !== AST_NODE_TYPES.SpreadElement && call.arguments.slice(0, index).every((before) => before.type !== AST_NODE_TYPES.SpreadElement) && isJsonData(sourceCode, argument)) return true;
  return lacksOption(sourceCode, getArgumentObject(sourceCode, call, index), key);
}

function isAbsent(sourceCode: Readonly<TSESLint.SourceCode>, lookup: PropertyLookup): boolean {
  if (lookup.kind === 'absent') return true;
  return lookup.kind === 'present' && resolveObjectSource(sourceCode, lookup.value).kind === 'missing';
}

/** The names `allowStores` matches: the callee's, and the export name (`RateLimiterCluster`) however it was imported. */
function storeNames(sourceCode: Readonly<TSESLint.SourceCode>, node: CallLike, path: readonly string[]): string[] {
  const names = storeCalleeNames(sourceCode, node.callee);
  const exported = path.at(-1);
  if (exported !== undefined && path.length > 1) names.push(exported);
  return names;
}

/**
 * `insuranceLimiter: new RateLimiterMemory()` is rate-limiter-flexible's documented failover for
 * a shared limiter whose store is down: local by design, and not the limiter itself.
 */
function isInsuranceOnly(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  const holder = skipWrapperParents(node);
  if (isInsuranceSlot(sourceCode, holder)) return true;
  const declarator = holder.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== holder) return false;
  const [variable] = sourceCode.getDeclaredVariables(declarator);
  const reads = variable?.references.filter((reference) => reference.isRead()) ?? [];
  return reads.length > 0 && reads.every((reference) => isInsuranceSlot(sourceCode, skipWrapperParents(reference.identifier)));
}

/** `{ insuranceLimiter: <node> }` or `limiter.insuranceLimiter = <node>`. */
function isInsuranceSlot(sourceCode: Readonly<TSESLint.SourceCode>, holder: TSESTree.Node): boolean {
  const parent = holder.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === holder) {
    return getStaticKeyName(sourceCode, parent) === 'insuranceLimiter';
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === holder && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    return ASTUtils.getPropertyName(parent.left, sourceCode.getScope(parent.left)) === 'insuranceLimiter';
  }
  return false;
}

/** `new ExpressBruteFlexible(ExpressBruteFlexible.LIMITER_TYPES.MEMORY | 'memory' | 'cluster', opts)`. */
function judgeBruteFlexible(sourceCode: Readonly<TSESLint.SourceCode>, node: CallLike, path: readonly string[]): Finding | undefined {
  const [type] = node.arguments;
  if (!type || type.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const limiterType = limiterTypeOf(sourceCode, type);
  const names = storeNames(sourceCode, node, path);
  if (limiterType === 'memory') return finding(node, 'rateLimiterFlexible', "`ExpressBruteFlexible` of type `'memory'`", names);
  if (limiterType === 'cluster') return finding(node, 'rateLimiterCluster', "`ExpressBruteFlexible` of type `'cluster'`", names);
  return undefined;
}

function limiterTypeOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string | undefined {
  const value = getStaticExpressionValue(sourceCode, node);
  if (typeof value?.value === 'string') return value.value;
  const expression = unwrapExpression(node);
  // `ExpressBruteFlexible.LIMITER_TYPES.MEMORY`: the constants are the lower-cased names.
  if (expression.type === AST_NODE_TYPES.MemberExpression && expression.object.type === AST_NODE_TYPES.MemberExpression) {
    const container = ASTUtils.getPropertyName(expression.object, sourceCode.getScope(expression));
    const constant = ASTUtils.getPropertyName(expression, sourceCode.getScope(expression));
    if (container === 'LIMITER_TYPES' && constant !== null) return constant.toLowerCase().replace(/_/gu, '-');
  }
  return undefined;
}

/** `ThrottlerModule.forRoot(options)`: arrays and objects without `storage` use the built-in memory storage. */
function judgeThrottler(sourceCode: Readonly<TSESLint.SourceCode>, node: CallLike, async: boolean): Finding | undefined {
  const subject = async ? '`ThrottlerModule.forRootAsync()` without `storage`' : '`ThrottlerModule.forRoot()` without `storage`';
  const configurations = async ? factoryResults(sourceCode, getArgumentObject(sourceCode, node, 0)) : [node.arguments[0]];
  if (!configurations || configurations.length === 0) return undefined;
  const local = configurations.every((configuration) => throttlerUsesMemory(sourceCode, configuration));
  return local ? finding(node, 'nestThrottler', subject, []) : undefined;
}

function throttlerUsesMemory(sourceCode: Readonly<TSESLint.SourceCode>, configuration: TSESTree.Node | undefined): boolean {
  if (!configuration) return true;
  if (configuration.type === AST_NODE_TYPES.SpreadElement) return false;
  if (resolveToDefinition(sourceCode, configuration).type === AST_NODE_TYPES.ArrayExpression) return true;
  return lacksOption(sourceCode, resolveObjectSource(sourceCode, configuration), 'storage');
}

/**
 * What `useFactory` returns, for `forRootAsync({ useFactory })`: the returned expressions when
 * the factory is written inline (or as a `const`), `undefined` when the rule cannot see them
 * (`useClass`, `useExisting`, a factory from elsewhere).
 */
function factoryResults(sourceCode: Readonly<TSESLint.SourceCode>, options: ObjectSource): TSESTree.Node[] | undefined {
  const factory = findProperty(sourceCode, options, 'useFactory');
  if (factory.kind !== 'present') return undefined;
  const value = functionOf(sourceCode, factory.property.method ? factory.value : resolveToDefinition(sourceCode, factory.value));
  if (!value?.body) return undefined;
  if (value.body.type !== AST_NODE_TYPES.BlockStatement) return [value.body];
  const results: TSESTree.Node[] = [];
  if (!collectReturns(value.body, results)) return undefined;
  return results;
}

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** A function expression, or the declaration of a function named by an identifier. */
function functionOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): FunctionNode | undefined {
  if (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression) return node;
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const declaration = definition?.type === 'FunctionName' ? definition.node : undefined;
  return declaration?.type === AST_NODE_TYPES.FunctionDeclaration ? declaration : undefined;
}

/** Collects `return x` of a function body, outside nested functions; `false` when one returns nothing. */
function collectReturns(statement: TSESTree.Statement, results: TSESTree.Node[]): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
      if (!statement.argument) return false;
      results.push(statement.argument);
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.every((child) => collectReturns(child, results));
    case AST_NODE_TYPES.IfStatement:
      return collectReturns(statement.consequent, results) && (!statement.alternate || collectReturns(statement.alternate, results));
    case AST_NODE_TYPES.TryStatement:
      return (
        collectReturns(statement.block, results) &&
        (!statement.handler || collectReturns(statement.handler.body, results)) &&
        (!statement.finalizer || collectReturns(statement.finalizer, results))
      );
    case AST_NODE_TYPES.SwitchStatement:
      return statement.cases.every((switchCase) => switchCase.consequent.every((child) => collectReturns(child, results)));
    default:
      return true;
  }
}

/** `GraphQLModule.forRoot({ driver: MercuriusDriver, subscription: true })` from @nestjs/graphql + @nestjs/mercurius. */
function judgeNestGraphql(context: DetectContext, node: CallLike, async: boolean): Finding | undefined {
  const { sourceCode } = context;
  const configurations = async ? factoryResults(sourceCode, getArgumentObject(sourceCode, node, 0)) : [node.arguments[0]];
  for (const configuration of configurations ?? []) {
    if (!configuration || configuration.type === AST_NODE_TYPES.SpreadElement) continue;
    const options = resolveObjectSource(sourceCode, configuration);
    const driver = findProperty(sourceCode, options, 'driver');
    if (driver.kind !== 'present') continue;
    const driverExport = moduleValueOf(sourceCode, driver.value);
    if (driverExport?.moduleId !== MERCURIUS_DRIVER.module || driverExport.path.length !== 1 || driverExport.path[0] !== MERCURIUS_DRIVER.exportName) continue;
    const result = judgeMercuriusOptions(context, options);
    if (result) return result;
  }
  return undefined;
}

/** `app.register(plugin, options)` where `plugin` is @fastify/rate-limit or mercurius. */
function judgeRegisterCall(context: DetectContext, call: TSESTree.CallExpression): Finding | undefined {
  const { sourceCode } = context;
  const [pluginArgument] = call.arguments;
  if (!pluginArgument || pluginArgument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const plugin = moduleValueOf(sourceCode, pluginArgument);
  const known = plugin && FASTIFY_PLUGINS.get(plugin.moduleId);
  if (!known || !isModuleOrNamedExport(plugin, known.pluginExports)) return undefined;
  const options = getArgumentObject(sourceCode, call, 1);
  if (known.family === 'mercurius') return judgeMercuriusOptions(context, options);
  const usesMemory = lacksOption(sourceCode, options, 'redis') && lacksOption(sourceCode, options, 'store');
  return usesMemory ? finding(call, 'fastifyRateLimit', `\`${plugin.moduleId}\` registered without \`redis\` or \`store\``, []) : undefined;
}

/** mercurius: `subscription: true`, or an object without `emitter` / `pubsub` (or with an in-memory mqemitter). */
function judgeMercuriusOptions(context: DetectContext, options: ObjectSource): Finding | undefined {
  const { sourceCode } = context;
  const subscription = findProperty(sourceCode, options, 'subscription');
  if (subscription.kind !== 'present') return undefined;
  if (getStaticPropertyValue(sourceCode, subscription)?.value === true) {
    return finding(subscription.property, 'mercurius', 'mercurius `subscription: true`', []);
  }
  const settings = resolveObjectSource(sourceCode, subscription.value);
  if (settings.kind !== 'object') return undefined;
  const pubsub = findProperty(sourceCode, settings, 'pubsub');
  if (!isAbsent(sourceCode, pubsub)) return undefined;
  const emitter = findProperty(sourceCode, settings, 'emitter');
  if (isAbsent(sourceCode, emitter)) {
    return finding(subscription.property, 'mercurius', 'mercurius `subscription` without `emitter` or `pubsub`', []);
  }
  if (emitter.kind === 'present' && context.memoryEmitters.has(resolveToDefinition(sourceCode, emitter.value))) {
    return finding(emitter.property, 'mercurius', 'mercurius `subscription.emitter` from mqemitter', ['mqemitter']);
  }
  return undefined;
}
