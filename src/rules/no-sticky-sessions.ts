import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { allowStoresSchema, createStoreAllowList, storeCalleeNames } from '../analysis/allowed-stores.js';
import { resolveToDefinition } from '../analysis/const-binding.js';
import { iterateModuleReferences, type TraceMap } from '../analysis/module-references.js';
import { isModuleOrNamedExport, moduleValueOf } from '../analysis/module-value.js';
import { containsNode } from '../analysis/node-range.js';
import { mayGainProperty } from '../analysis/object-mutation.js';
import { findProperty, getArgumentObject, getStaticPropertyValue } from '../analysis/options-object.js';
import { createProductionGuard, type ProductionGuard } from '../analysis/production-guard.js';
import { describeSocketIoServer, socketIoServerTraceMap } from '../analysis/socket-io.js';
import { unwrapExpression, WRAPPER_TYPE_REGEX } from '../analysis/unwrap.js';
import { createRule } from '../util/create-rule.js';
import { readSettings } from '../util/settings.js';
import { checkInfrastructureMethodCall, checkInfrastructureProperty, memberPropertyName, type StickinessFinding } from './no-sticky-sessions/infrastructure.js';
import { FASTIFY_SESSION_PLUGINS, SESSION_TRACE_MAP, type SessionLibraryEntry } from './no-sticky-sessions/libraries.js';
import { isAlternativeOfAnotherStore, isNoValue, otherBranches } from './no-sticky-sessions/store-choice.js';

export type MessageId =
  | 'defaultMemoryStore'
  | 'memoryStore'
  | 'diskStore'
  | 'memorySessionStorage'
  | 'fileSessionStorage'
  | 'stickyRouting'
  | 'loadBalancerStickiness'
  | 'azureDefaultAffinity'
  | 'socketIoMemoryAdapter'
  | 'disableStickiness';

export type Options = [
  {
    allowStores?: string[];
    reportSocketIoMemoryAdapter?: boolean;
    reportAzureDefaultAffinity?: boolean;
  },
];

type Entry = SessionLibraryEntry | { readonly kind: 'socket-io-server' };

const SHARED_STORE = 'Use a shared store with a TTL such as connect-redis, connect-pg-simple or connect-memcached: any instance must be able to serve any request.';
const REMIX_REMEDY =
  'Use createCookieSessionStorage, or createSessionStorage backed by a shared database with expiry (Redis, PostgreSQL): any instance must be able to serve any request.';

const SOCKET_IO_SERVER: Entry = { kind: 'socket-io-server' };

const TRACE_MAP: TraceMap<Entry> = { ...SESSION_TRACE_MAP, ...socketIoServerTraceMap(SOCKET_IO_SERVER) };

/*
 * Handler selectors, so that ESLint calls the rule only for the calls and properties it may care
 * about. Each family is split into disjoint selectors (no node reaches a handler twice); the
 * handlers then check names exactly (`INFRASTRUCTURE_METHODS`, `INFRASTRUCTURE_KEYS`).
 */
const NAMED_METHOD_CALL =
  'CallExpression[callee.type="MemberExpression"][callee.computed=false][callee.property.type="Identifier"][callee.property.name=/^(?:register|enableCookieStickiness|setAttribute|addAnnotation)$/]';
const COMPUTED_METHOD_CALL = 'CallExpression[callee.type="MemberExpression"][callee.computed=true]';
const WRAPPED_CALLEE_CALL =
  `CallExpression[callee.type=${WRAPPER_TYPE_REGEX}]`;
const INFRASTRUCTURE_KEY_PATTERN =
  '/^(?:stickinessCookieDuration|stickiness|sessionAffinity|clientAffinityEnabled|cookieBasedAffinity|sessionAffinityState|sessionStickinessEnabled|stickySessions|appCookieStickinessPolicy|lbCookieStickinessPolicy|[kK]ey|[oO]ptionName|name|nginx\\.ingress\\.kubernetes\\.io.affinity|alb\\.ingress\\.kubernetes\\.io.target-group-attributes|traefik\\.ingress\\.kubernetes\\.io.service\\.sticky\\.cookie)$/';
const NAMED_PROPERTY = `Property[computed=false][key.type="Identifier"][key.name=${INFRASTRUCTURE_KEY_PATTERN}]`;
const LITERAL_KEY_PROPERTY = `Property[computed=false][key.type="Literal"][key.value=${INFRASTRUCTURE_KEY_PATTERN}]`;
const COMPUTED_PROPERTY = 'Property[computed=true]';

/**
 * Every `new` expression of the file, in source order. Only files that call a store factory
 * need them, so they are gathered then rather than by a listener on every file.
 */
function newExpressionsOf(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.NewExpression[] {
  const found: TSESTree.NewExpression[] = [];
  const pending: TSESTree.Node[] = [sourceCode.ast];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === AST_NODE_TYPES.NewExpression) found.push(node);
    const keys = sourceCode.visitorKeys[node.type] ?? [];
    // Pushed last child first, so that the stack yields the nodes in source order.
    for (let index = keys.length - 1; index >= 0; index--) {
      const child = (node as unknown as Record<string, unknown>)[keys[index]!];
      const items = Array.isArray(child) ? child : [child];
      for (let item = items.length - 1; item >= 0; item--) {
        const value: unknown = items[item];
        if (value && typeof value === 'object' && 'type' in value) pending.push(value as TSESTree.Node);
      }
    }
  }
  return found;
}

export default createRule<Options, MessageId>({
  name: 'no-sticky-sessions',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sessions kept in process memory or on local disk, and sticky routing to one process or instance',
      recommended: 'recommended',
      alwaysChecksRoles: ['infrastructure'],
      strictOptions: [{ reportSocketIoMemoryAdapter: true, reportAzureDefaultAffinity: true }],
    },
    hasSuggestions: true,
    messages: {
      defaultMemoryStore: `{{library}} is set up without a \`store\`, so it keeps sessions in this process's memory (its default MemoryStore): they are lost on restart and invisible to the other instances. ${SHARED_STORE}`,
      memoryStore: `{{store}} keeps sessions in this process's memory: they are lost on restart and invisible to the other instances. ${SHARED_STORE}`,
      diskStore: `{{store}} keeps sessions on this host's disk: not shared with the other instances, and lost when the host is replaced. ${SHARED_STORE}`,
      memorySessionStorage: `createMemorySessionStorage ({{library}}) keeps sessions in this process's memory: they are lost on restart and invisible to the other instances. ${REMIX_REMEDY}`,
      fileSessionStorage: `createFileSessionStorage ({{library}}) keeps sessions on this host's disk: not shared with the other instances, and lost when the host is replaced. ${REMIX_REMEDY}`,
      stickyRouting:
        "{{library}} pins each client to one worker process (sticky sessions). Keep session and socket state in shared backing services instead (a Redis session store; for socket.io, `transports: ['websocket']` and a shared adapter such as @socket.io/redis-adapter): any instance must be able to serve any request.",
      loadBalancerStickiness:
        '{{setting}} pins each client to one instance (sticky sessions). Turn it off and keep session state in a shared store with a TTL (Redis, Memcached, a database): any instance must be able to serve any request.',
      azureDefaultAffinity:
        'Azure {{resource}} leaves `clientAffinityEnabled` at its default, `true`: ARR affinity cookies pin each client to one instance. Set `clientAffinityEnabled: false` and keep session state in a shared store: any instance must be able to serve any request.',
      socketIoMemoryAdapter:
        "This socket.io server keeps the default in-memory adapter with HTTP long-polling enabled: with several instances, polling needs sticky sessions and broadcasts stay in one process. Use a shared adapter (e.g. @socket.io/redis-adapter) and `transports: ['websocket']`: any instance must be able to serve any request.",
      disableStickiness: 'Set it to {{replacement}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowStores: allowStoresSchema(
            'Store constructors (or session-storage functions) the team declares shared, as written at the call (`FileStore`, `session.MemoryStore`) or by package name (`session-file-store`): they are not reported.',
          ),
          reportSocketIoMemoryAdapter: {
            type: 'boolean',
            description:
              "Also report a socket.io server that keeps the default in-memory adapter while HTTP long-polling is enabled (transports not limited to `['websocket']`). On in the strict config.",
          },
          reportAzureDefaultAffinity: {
            type: 'boolean',
            description:
              'Also report an azure-native `web.WebApp` / `WebAppSlot` without `clientAffinityEnabled` (its default is `true`). On in the strict config.',
          },
        },
      },
    ],
    defaultOptions: [{ allowStores: [], reportSocketIoMemoryAdapter: false, reportAzureDefaultAffinity: false }],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const isAllowedStore = createStoreAllowList(options.allowStores);
    const dynamicImports: TSESTree.ImportExpression[] = [];
    const registerCalls: TSESTree.CallExpression[] = [];
    const findingsNeedingGoogleCloud: StickinessFinding[] = [];
    const reported = new Set<TSESTree.Node>();
    const callsWithStore: TSESTree.CallExpression[] = [];
    const callsWithoutStore: { call: TSESTree.CallExpression; library: string }[] = [];
    let productionGuard: ProductionGuard | undefined;

    function onlyOutsideProduction(node: TSESTree.Node): boolean {
      productionGuard ??= createProductionGuard(sourceCode);
      return productionGuard.isOnlyReachedOutsideProduction(node);
    }

    function report(descriptor: TSESLint.ReportDescriptor<MessageId> & { node: TSESTree.Node }): void {
      if (reported.has(descriptor.node)) return;
      reported.add(descriptor.node);
      context.report(descriptor);
    }

    function reportStickiness(finding: StickinessFinding): void {
      const { fix } = finding;
      report({
        node: finding.node,
        messageId: 'loadBalancerStickiness',
        data: { setting: finding.setting },
        suggest: fix
          ? [
              {
                messageId: 'disableStickiness',
                data: { replacement: fix.replacement },
                fix: (fixer) => fixer.replaceText(fix.node, fix.replacement),
              },
            ]
          : null,
      });
    }

    function isAllowed(callee: TSESTree.Node, library: string): boolean {
      return isAllowedStore([library, ...storeCalleeNames(sourceCode, callee)]);
    }

    /** What a middleware call's options say about `store`: left out for certain, given, or unreadable. */
    function storeOf(call: TSESTree.CallExpression, optionsIndex: number, statelessOption?: string): 'default' | 'given' | 'unknown' {
      const source = getArgumentObject(sourceCode, call, optionsIndex);
      if (statelessOption !== undefined && findProperty(sourceCode, source, statelessOption).kind !== 'absent') return 'unknown';
      const store = findProperty(sourceCode, source, 'store');
      if (store.kind === 'unknown') return 'unknown';
      if (store.kind === 'present') return isNoValue(sourceCode, store.value) ? 'default' : 'given';
      return mayGainProperty(sourceCode, call.arguments[optionsIndex], 'store') ? 'unknown' : 'default';
    }

    /** A session middleware call: reported when its options certainly leave `store` out. */
    function checkMiddleware(call: TSESTree.CallExpression, library: string, optionsIndex: number, statelessOption?: string): void {
      const store = storeOf(call, optionsIndex, statelessOption);
      if (store === 'given') callsWithStore.push(call);
      if (store === 'default') callsWithoutStore.push({ call, library });
    }

    /**
     * `if (redisUrl) app.use(session({ store })) else app.use(session({ secret }))`: a fallback
     * next to a middleware that has a store is a choice, like a ternary between two stores.
     */
    function reportMiddlewareWithoutStore({ call, library }: { call: TSESTree.CallExpression; library: string }): void {
      const isFallback = otherBranches(call).some((branch) => callsWithStore.some((other) => containsNode(branch, other)));
      if (isFallback || onlyOutsideProduction(call)) return;
      report({ node: call, messageId: 'defaultMemoryStore', data: { library } });
    }

    function checkStore(node: TSESTree.NewExpression, kind: 'memory' | 'disk', library: string, store: string): void {
      if (isAllowed(node.callee, library) || isAlternativeOfAnotherStore(sourceCode, node) || onlyOutsideProduction(node)) return;
      report({ node, messageId: kind === 'memory' ? 'memoryStore' : 'diskStore', data: { store } });
    }

    function checkSessionStorage(call: TSESTree.CallExpression, kind: 'memory' | 'file', library: string): void {
      if (isAllowed(call.callee, library) || onlyOutsideProduction(call)) return;
      report({ node: call, messageId: kind === 'memory' ? 'memorySessionStorage' : 'fileSessionStorage', data: { library } });
    }

    function checkStickinessResource(node: TSESTree.NewExpression, setting: string, checkEnabled: boolean): void {
      if (checkEnabled) {
        const enabled = getStaticPropertyValue(sourceCode, findProperty(sourceCode, getArgumentObject(sourceCode, node, 1), 'enabled'));
        if (enabled?.value !== true) return;
      }
      report({ node, messageId: 'loadBalancerStickiness', data: { setting } });
    }

    function checkAzureWebApp(node: TSESTree.NewExpression, resource: string): void {
      if (!options.reportAzureDefaultAffinity) return;
      if (findProperty(sourceCode, getArgumentObject(sourceCode, node, 1), 'clientAffinityEnabled').kind !== 'absent') return;
      report({ node, messageId: 'azureDefaultAffinity', data: { resource } });
    }

    function checkSocketIoServer(node: TSESTree.Node): void {
      if (!options.reportSocketIoMemoryAdapter) return;
      if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) return;
      const server = describeSocketIoServer(sourceCode, node);
      if (server.adapter === 'default' && server.longPolling === 'enabled') report({ node, messageId: 'socketIoMemoryAdapter' });
    }

    /** `instance.register(fastifySession, opts)` with any receiver. */
    function checkRegister(call: TSESTree.CallExpression): void {
      const [plugin] = call.arguments;
      if (!plugin || plugin.type === AST_NODE_TYPES.SpreadElement) return;
      const value = moduleValueOf(sourceCode, plugin);
      const entry = value && FASTIFY_SESSION_PLUGINS.get(value.moduleId);
      if (!entry || !isModuleOrNamedExport(value, entry.pluginExports)) return;
      checkMiddleware(call, entry.library, 1, entry.statelessOption);
    }

    function handleReference(node: TSESTree.Node, entry: Entry, factories: Map<TSESTree.Node, SessionLibraryEntry>, googleCloud: { found: boolean }): void {
      const isCall = node.type === AST_NODE_TYPES.CallExpression;
      const isNew = node.type === AST_NODE_TYPES.NewExpression;
      switch (entry.kind) {
        case 'middleware':
          if (isCall) checkMiddleware(node, entry.library, entry.optionsIndex);
          return;
        case 'memory-store':
        case 'disk-store':
          if (isNew) checkStore(node, entry.kind === 'memory-store' ? 'memory' : 'disk', entry.library, entry.store);
          return;
        case 'memory-store-factory':
        case 'disk-store-factory':
          if (isCall) factories.set(node, entry);
          return;
        case 'memory-session-storage':
        case 'file-session-storage':
          if (isCall) checkSessionStorage(node, entry.kind === 'memory-session-storage' ? 'memory' : 'file', entry.library);
          return;
        case 'sticky-routing':
          if (isCall || isNew) report({ node, messageId: 'stickyRouting', data: { library: entry.library } });
          return;
        case 'stickiness-resource':
          if (isNew) checkStickinessResource(node, entry.setting, entry.checkEnabled);
          return;
        case 'azure-web-app':
          if (isNew) checkAzureWebApp(node, entry.resource);
          return;
        case 'google-cloud-module':
          googleCloud.found = true;
          return;
        case 'socket-io-server':
          checkSocketIoServer(node);
          return;
      }
    }

    /** `app.register(plugin, opts)` is kept for Program:exit; infrastructure method calls are checked now. */
    function checkMethodCall(node: TSESTree.CallExpression): void {
      const callee = unwrapExpression(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const method = memberPropertyName(sourceCode, callee);
      if (method === 'register') {
        registerCalls.push(node);
        return;
      }
      const finding = checkInfrastructureMethodCall(sourceCode, node, method);
      if (finding) reportStickiness(finding);
    }

    function checkProperty(node: TSESTree.Property): void {
      const finding = checkInfrastructureProperty(sourceCode, node);
      if (!finding) return;
      if (finding.needsGoogleCloudEvidence) findingsNeedingGoogleCloud.push(finding);
      else reportStickiness(finding);
    }

    return {
      ImportExpression(node) {
        dynamicImports.push(node);
      },
      [NAMED_METHOD_CALL]: checkMethodCall,
      [COMPUTED_METHOD_CALL]: checkMethodCall,
      [WRAPPED_CALLEE_CALL]: checkMethodCall,
      [NAMED_PROPERTY]: checkProperty,
      [LITERAL_KEY_PROPERTY]: checkProperty,
      [COMPUTED_PROPERTY]: checkProperty,
      'Program:exit'() {
        const factories = new Map<TSESTree.Node, SessionLibraryEntry>();
        const googleCloud = { found: false };
        const { requireWrappers } = readSettings(context.settings);
        for (const reference of iterateModuleReferences(sourceCode, TRACE_MAP, { dynamicImports, requireWrappers })) {
          handleReference(reference.node, reference.info, factories, googleCloud);
        }
        // `new (require('memorystore')(session))()`, `const FileStore = createFileStore(session); new FileStore()`.
        if (factories.size > 0) {
          for (const node of newExpressionsOf(sourceCode)) {
            const entry = factories.get(resolveToDefinition(sourceCode, node.callee));
            if (entry?.kind === 'memory-store-factory') checkStore(node, 'memory', entry.library, entry.store);
            if (entry?.kind === 'disk-store-factory') checkStore(node, 'disk', entry.library, entry.store);
          }
        }
        for (const call of registerCalls) checkRegister(call);
        for (const middleware of callsWithoutStore) reportMiddlewareWithoutStore(middleware);
        if (googleCloud.found) for (const finding of findingsNeedingGoogleCloud) reportStickiness(finding);
      },
    };
  },
});
