import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { resolveToDefinition } from './const-binding.js';
import { CALL, CONSTRUCT, iterateModuleReferences, type ModuleReferenceOptions, type TraceMap } from './module-references.js';
import { findProperty, getArgumentObject, resolveObjectSource, type ObjectSource } from './options-object.js';
import { skipWrapperParents, unwrapExpression } from './unwrap.js';

/** One socket.io server construction and what the file shows about its adapter and transports. */
export interface SocketIoServer {
  /** The `new Server(...)`, `require('socket.io')(...)` or `.listen(...)` expression. */
  readonly node: TSESTree.NewExpression | TSESTree.CallExpression;
  /** The options argument (`missing` when the server is built from an http server or port alone). */
  readonly options: ObjectSource;
  /**
   * `set`: an `adapter` option or a later `io.adapter(x)` call on the same binding; `default`: the
   * in-memory adapter for certain; `unknown`: options or the server itself reach code the file cannot see.
   */
  readonly adapter: 'set' | 'default' | 'unknown';
  /** The adapter expression when `adapter` is `set` (the option value or the `io.adapter(...)` argument). */
  readonly adapterNode?: TSESTree.Node;
  /**
   * `enabled` unless `transports` (in the options or a later `io.attach` / `io.listen` call) is a
   * known list without `'polling'`; `unknown` when those options cannot be read.
   */
  readonly longPolling: 'enabled' | 'disabled' | 'unknown';
}

/** `SOCKET_IO_SERVER_TRACE_MAP` with `info` at every marker, to join another trace map of a rule. */
export function socketIoServerTraceMap<T>(info: T): TraceMap<T> {
  return { 'socket.io': { [CALL]: info, [CONSTRUCT]: info, Server: { [CONSTRUCT]: info }, listen: { [CALL]: info } } };
}

/**
 * The socket.io exports that build a server: `new Server(...)`, the CommonJS module called as a
 * factory (`require('socket.io')(srv, opts)`, v4 and v2), `new` on the v2 module, and v0.9–v2
 * `require('socket.io').listen(srv, opts)`. Exported so that a rule can merge it into one trace map.
 */
export const SOCKET_IO_SERVER_TRACE_MAP: TraceMap<true> = socketIoServerTraceMap(true);

/** Methods of a socket.io server that return the server itself, so a chain still holds it. */
const CHAINABLE_METHODS: ReadonlySet<string> = new Set(['adapter', 'attach', 'listen', 'on', 'once', 'use', 'path', 'serveClient', 'origins', 'bind', 'connectTimeout']);
/** Methods that take engine options (`transports`) as their second argument. */
const ATTACH_METHODS: ReadonlySet<string> = new Set(['attach', 'listen']);
/** A function or class receiving the server under such a name may well set its adapter. */
const ADAPTER_SETUP_NAME = /adapter|redis|valkey|cluster|mongo|postgres|nats|scal|pub.?sub/iu;
/** A lone, unreadable first argument with such a name is probably options, not an http server. */
const OPTIONS_NAME = /opt|conf|setting/iu;

const MISSING: ObjectSource = { kind: 'missing' };
const UNKNOWN_SOURCE: ObjectSource = { kind: 'unknown' };

/**
 * Every socket.io server construction in the file, in every import style that
 * `iterateModuleReferences` resolves, with its options, whether an adapter is set and whether
 * HTTP long-polling is enabled. An adapter counts as set when the options have an `adapter`
 * key or the server's binding later calls `.adapter(x)`; the answer is `unknown` when the
 * options are unreadable or the server escapes the file (exported, returned, stored in a
 * property, or passed to a function whose name suggests adapter setup).
 */
export function findSocketIoServers(
  sourceCode: Readonly<TSESLint.SourceCode>,
  options: ModuleReferenceOptions = {},
): SocketIoServer[] {
  const nodes: TSESTree.Node[] = [];
  for (const reference of iterateModuleReferences(sourceCode, SOCKET_IO_SERVER_TRACE_MAP, options)) nodes.push(reference.node);
  return describeSocketIoServers(sourceCode, nodes);
}

/**
 * `findSocketIoServers` for the references a rule already found with `socketIoServerTraceMap`
 * merged into its own trace map: each construction once, in the order given.
 */
export function describeSocketIoServers(sourceCode: Readonly<TSESLint.SourceCode>, references: Iterable<TSESTree.Node>): SocketIoServer[] {
  const seen = new Set<TSESTree.Node>();
  const servers: SocketIoServer[] = [];
  for (const node of references) {
    if (seen.has(node) || (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression)) continue;
    seen.add(node);
    servers.push(describeSocketIoServer(sourceCode, node));
  }
  return servers;
}

/** Describes one construction found through `SOCKET_IO_SERVER_TRACE_MAP`. */
export function describeSocketIoServer(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.NewExpression | TSESTree.CallExpression,
): SocketIoServer {
  const options = serverOptions(sourceCode, node);
  const usage = laterUsage(sourceCode, node);
  const adapterOption = findProperty(sourceCode, options, 'adapter');
  let adapter: SocketIoServer['adapter'];
  let adapterNode: TSESTree.Node | undefined;
  if (adapterOption.kind === 'present') {
    adapter = 'set';
    adapterNode = adapterOption.value;
  } else if (usage.adapterNode) {
    adapter = 'set';
    adapterNode = usage.adapterNode;
  } else {
    adapter = adapterOption.kind === 'unknown' || usage.escapes ? 'unknown' : 'default';
  }
  const longPolling = pollingOf(sourceCode, [options, ...usage.attachOptions]);
  return adapterNode ? { node, options, adapter, adapterNode, longPolling } : { node, options, adapter, longPolling };
}

/** socket.io treats a lone plain object as options and anything else (server, port) as what to attach to. */
function serverOptions(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.NewExpression | TSESTree.CallExpression): ObjectSource {
  const { arguments: args } = node;
  if (args.length >= 2) return getArgumentObject(sourceCode, node, 1);
  const [first] = args;
  if (!first) return MISSING;
  if (first.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN_SOURCE;
  const source = resolveObjectSource(sourceCode, first);
  if (source.kind !== 'unknown') return source;
  const definition = resolveToDefinition(sourceCode, first);
  const isOpaqueName = definition.type === AST_NODE_TYPES.Identifier || definition.type === AST_NODE_TYPES.MemberExpression;
  return isOpaqueName && OPTIONS_NAME.test(sourceCode.getText(definition)) ? UNKNOWN_SOURCE : MISSING;
}

interface LaterUsage {
  adapterNode?: TSESTree.Node;
  readonly attachOptions: ObjectSource[];
  escapes: boolean;
}

/** Follows the server through method chains and its variable to find `.adapter(x)` and `.attach(srv, opts)`. */
function laterUsage(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): LaterUsage {
  const usage: LaterUsage = { attachOptions: [], escapes: false };
  const end = followChain(sourceCode, node, usage);
  if (!end) return usage;
  const parent = end.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return usage;
  const variable = boundVariable(sourceCode, end);
  if (!variable) {
    usage.escapes = true;
    return usage;
  }
  if (isExportedDeclaration(variable)) usage.escapes = true;
  for (const reference of variable.references) {
    if (reference.isWrite() || !reference.isRead()) continue;
    inspectReference(sourceCode, reference.identifier as TSESTree.Identifier, usage);
  }
  return usage;
}

/**
 * Walks `x.on(...).adapter(...)` upwards while the methods return the server. Returns the last
 * expression still holding the server, or `undefined` when a method returned something else.
 */
function followChain(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, usage: LaterUsage): TSESTree.Node | undefined {
  let current = skipWrapperParents(node);
  for (;;) {
    const call = methodCallOn(sourceCode, current);
    if (!call) return current;
    recordMethodCall(sourceCode, call, usage);
    if (!CHAINABLE_METHODS.has(call.method)) return undefined;
    current = skipWrapperParents(call.node);
  }
}

interface MethodCall {
  readonly method: string;
  readonly node: TSESTree.CallExpression;
}

/** `receiver.method(...)` where `receiver` is `node`. */
function methodCallOn(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): MethodCall | undefined {
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node) return undefined;
  const call = skipWrapperParents(member).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || unwrapExpression(call.callee) !== member) return undefined;
  const method = ASTUtils.getPropertyName(member, sourceCode.getScope(member));
  return method === null ? undefined : { method, node: call };
}

function recordMethodCall(sourceCode: Readonly<TSESLint.SourceCode>, call: MethodCall, usage: LaterUsage): void {
  const [first] = call.node.arguments;
  if (call.method === 'adapter' && first) usage.adapterNode ??= first;
  if (ATTACH_METHODS.has(call.method) && call.node.arguments.length >= 2) {
    usage.attachOptions.push(getArgumentObject(sourceCode, call.node, 1));
  }
}

/** The variable an expression is stored in: `const io = <node>` or `io = <node>`. */
function boundVariable(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): TSESLint.Scope.Variable | undefined {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    return sourceCode.getDeclaredVariables(parent)[0];
  }
  if (
    parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.operator === '=' &&
    parent.right === node &&
    parent.left.type === AST_NODE_TYPES.Identifier
  ) {
    return ASTUtils.findVariable(sourceCode.getScope(parent.left), parent.left) ?? undefined;
  }
  return undefined;
}

function isExportedDeclaration(variable: TSESLint.Scope.Variable): boolean {
  return variable.defs.some(
    (definition) => definition.type === 'Variable' && definition.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration,
  );
}

/** One read of the server's variable: a method call on it, harmless uses, or an escape. */
function inspectReference(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier, usage: LaterUsage): void {
  const holder = skipWrapperParents(identifier);
  const parent = holder.parent;
  if (!parent) return;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === holder) {
    const call = methodCallOn(sourceCode, holder);
    if (call) recordMethodCall(sourceCode, call, usage);
    return;
  }
  if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.callee !== holder) {
    if (ADAPTER_SETUP_NAME.test(sourceCode.getText(parent.callee))) usage.escapes = true;
    return;
  }
  if (isHarmlessUse(parent, holder)) return;
  usage.escapes = true;
}

/** Uses that only test the value and cannot hand the server to other code. */
function isHarmlessUse(parent: TSESTree.Node, holder: TSESTree.Node): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
      return parent.test === holder;
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return true;
    default:
      return false;
  }
}

/** Long-polling is on unless the last readable `transports` list leaves `'polling'` out. */
function pollingOf(sourceCode: Readonly<TSESLint.SourceCode>, sources: readonly ObjectSource[]): SocketIoServer['longPolling'] {
  let state: SocketIoServer['longPolling'] = 'enabled';
  for (const source of sources) {
    const lookup = findProperty(sourceCode, source, 'transports');
    if (lookup.kind === 'unknown') return 'unknown';
    if (lookup.kind === 'absent') continue;
    const value = resolveToDefinition(sourceCode, lookup.value);
    const evaluated = ASTUtils.getStaticValue(value as TSESTree.Expression, sourceCode.getScope(value));
    const transports = evaluated?.value;
    if (!Array.isArray(transports)) return 'unknown';
    state = transports.includes('polling') ? 'enabled' : 'disabled';
  }
  return state;
}
