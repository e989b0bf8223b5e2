import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { allowStoresSchema, createStoreAllowList, storeCalleeNames } from '../analysis/allowed-stores.js';
import { resolveToDefinition } from '../analysis/const-binding.js';
import { iterateModuleReferences, type TraceMap, type TraceMapElement } from '../analysis/module-references.js';
import { isModuleOrNamedExport, moduleValueOf } from '../analysis/module-value.js';
import { containsNode } from '../analysis/node-range.js';
import { mayGainProperty } from '../analysis/object-mutation.js';
import { findProperty, getArgumentObject, getStaticPropertyValue } from '../analysis/options-object.js';
import { createProductionGuard, type ProductionGuard } from '../analysis/production-guard.js';
import { describeSocketIoServer, SOCKET_IO_SERVER_TRACE_MAP } from '../analysis/socket-io.js';
import { unwrapExpression } from '../analysis/unwrap.js';
import { createRule } from '../util/create-rule.js';
import { checkInfrastructureCall, checkInfrastructureProperty, type StickinessFinding } from './no-sticky-sessions/infrastructure.js';
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

/** Gives every marker of a trace map the same entry, so another helper's map can join this rule's map. */
function retag(element: TraceMapElement<unknown>, entry: Entry): TraceMapElement<Entry> {
  const result: TraceMapElement<Entry> = {};
  for (const key of Object.keys(element)) result[key] = retag(element[key]!, entry);
  for (const symbol of Object.getOwnPropertySymbols(element)) if (element[symbol] !== undefined) result[symbol] = entry;
  return result;
}

const SOCKET_IO_SERVER: Entry = { kind: 'socket-io-server' };

const TRACE_MAP: TraceMap<Entry> = {
  ...SESSION_TRACE_MAP,
  ...Object.fromEntries(Object.entries(SOCKET_IO_SERVER_TRACE_MAP).map(([moduleId, element]) => [moduleId, retag(element, SOCKET_IO_SERVER)])),
};

export default createRule<Options, MessageId>({
  name: 'no-sticky-sessions',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sessions kept in process memory or on local disk, and sticky routing to one process or instance',
      recommended: 'recommended',
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
    const newExpressions: TSESTree.NewExpression[] = [];
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

    return {
      ImportExpression(node) {
        dynamicImports.push(node);
      },
      NewExpression(node) {
        newExpressions.push(node);
      },
      CallExpression(node) {
        const callee = unwrapExpression(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && ASTUtils.getPropertyName(callee, sourceCode.getScope(callee)) === 'register') {
          registerCalls.push(node);
          return;
        }
        const finding = checkInfrastructureCall(sourceCode, node);
        if (finding) reportStickiness(finding);
      },
      Property(node) {
        const finding = checkInfrastructureProperty(sourceCode, node);
        if (!finding) return;
        if (finding.needsGoogleCloudEvidence) findingsNeedingGoogleCloud.push(finding);
        else reportStickiness(finding);
      },
      'Program:exit'() {
        const factories = new Map<TSESTree.Node, SessionLibraryEntry>();
        const googleCloud = { found: false };
        for (const reference of iterateModuleReferences(sourceCode, TRACE_MAP, { dynamicImports })) {
          handleReference(reference.node, reference.info, factories, googleCloud);
        }
        // `new (require('memorystore')(session))()`, `const FileStore = createFileStore(session); new FileStore()`.
        if (factories.size > 0) {
          for (const node of newExpressions) {
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
