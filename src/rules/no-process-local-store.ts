import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { allowStoresSchema, createStoreAllowList } from '../analysis/allowed-stores.js';
import { resolveToDefinition } from '../analysis/const-binding.js';
import { iterateModuleReferences, type ModuleReference, type TraceMap } from '../analysis/module-references.js';
import { createProductionGuard, type ProductionGuard } from '../analysis/production-guard.js';
import { describeSocketIoServers, socketIoServerTraceMap } from '../analysis/socket-io.js';
import { unwrapExpression, WRAPPER_TYPE_REGEX } from '../analysis/unwrap.js';
import { createRule } from '../util/create-rule.js';
import { readSettings } from '../util/settings.js';
import { detectLocalStores, type Finding } from './no-process-local-store/detect.js';
import { isFallbackStore } from './no-process-local-store/fallback.js';
import { HOST_ADAPTER, SOCKET_IO_HOST_ADAPTERS, STORE_TRACE_MAP, type Family, type Sink } from './no-process-local-store/libraries.js';

const SOCKET_IO_SERVER = { kind: 'socketIoServer' } as const;

/** What a module reference of the rule's trace map is: a store of the libraries, or one of the socket.io check. */
type Target = Sink | typeof HOST_ADAPTER | typeof SOCKET_IO_SERVER;

/**
 * With `requireSocketIoAdapter`, the stores and the socket.io check share one trace map, so the
 * file's imports and requires are resolved once.
 */
const STORE_AND_SOCKET_IO_TRACE_MAP: TraceMap<Target> = {
  ...STORE_TRACE_MAP,
  ...SOCKET_IO_HOST_ADAPTERS,
  ...socketIoServerTraceMap(SOCKET_IO_SERVER),
};

/** Handler selectors for `app.register(plugin, opts)`: a plain method call, or a callee behind a type wrapper / optional chain. */
const REGISTER_CALL = 'CallExpression[callee.type="MemberExpression"][callee.computed=false][callee.property.type="Identifier"][callee.property.name="register"]';
const WRAPPED_CALLEE_CALL =
  `CallExpression[callee.type=${WRAPPER_TYPE_REGEX}]`;

type Options = [{ allowStores: string[]; requireSocketIoAdapter: boolean }];
type MessageId = Family | 'socketIoAdapter' | 'socketIoClusterAdapter';

const SHARED_LIMITERS = 'a limiter backed by a shared store (`RateLimiterRedis`, `RateLimiterValkey`, `RateLimiterPostgres`, `RateLimiterMongo`, ...)';
const SHARED_RATE_LIMIT_STORE = 'Pass `store:` a shared store such as `RedisStore` from rate-limit-redis or `MemcachedStore` from rate-limit-memcached.';

export default createRule<Options, MessageId>({
  name: 'no-process-local-store',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow rate limiters, brute-force counters, pub/sub engines and throttlers that keep their state in process memory',
      recommended: 'recommended',
      strictOptions: [{ requireSocketIoAdapter: true }],
    },
    messages: {
      expressRateLimit: `{{subject}} keeps hit counts in this process's memory (express-rate-limit: "By default, the built-in \`MemoryStore\` will be used"), so every instance counts on its own and the real limit grows with the number of instances. ${SHARED_RATE_LIMIT_STORE}`,
      expressSlowDown: `{{subject}} keeps hit counts in this process's memory (express-slow-down: "The default memory store does not share state with any other processes or servers"). ${SHARED_RATE_LIMIT_STORE}`,
      honoRateLimiter: "{{subject}} keeps hit counts in this process's memory (hono-rate-limiter's default `MemoryStore`), so every instance counts on its own. Pass `store:` a shared store such as hono-rate-limiter's `RedisStore` or `UnstorageStore`.",
      koaRateLimit: "{{subject}} keeps hit counts in this process's memory, so every instance counts on its own. Use a Redis-backed store (koa-ratelimit `driver: 'redis'` with `db: new Redis(...)`, koa2-ratelimit `Stores.Redis`).",
      rateLimiterFlexible: `{{subject}} keeps rate-limit points in this process's memory, so every instance counts on its own. Use ${SHARED_LIMITERS}; a \`RateLimiterMemory\` is fine as their \`insuranceLimiter\`.`,
      limiter: `{{subject}} counts tokens in this process's memory (limiter: "State is local to the instance and is not shared across processes, workers, or machines"), so every instance spends its own budget and the real limit grows with the number of instances. Use ${SHARED_LIMITERS}.`,
      rateLimiterCluster: `{{subject}} shares points only between the workers of one host (IPC with its cluster master), not with instances on other hosts. Use ${SHARED_LIMITERS}.`,
      rateLimiterSqlite: `{{subject}} keeps points in a SQLite database on this host's disk, which instances on other hosts cannot see. Use ${SHARED_LIMITERS}.`,
      fastifyRateLimit: '{{subject}} keeps counters in this process\'s memory (@fastify/rate-limit: "by default, this plugin uses an in-memory store, but if an application runs on multiple servers, an external store will be needed"). Pass `redis: new Redis(...)` (ioredis) or a shared `store`.',
      expressBrute: '{{subject}} keeps request counts in this process\'s memory (express-brute: "An in-memory store for persisting request counts. Don\'t use this in production"). Use a shared store such as express-brute-redis, express-brute-memcached or express-brute-mongo.',
      graphqlPubSub: '{{subject}} delivers events only to subscribers connected to this process (graphql-subscriptions: "the default PubSub implementation is intended for demo purposes. It only works if you have a single instance of your server"). Use a PubSubEngine backed by a broker, such as `RedisPubSub` from graphql-redis-subscriptions.',
      yogaPubSub: '{{subject}} delivers events only inside this process (graphql-yoga: "If not specified an (in-memory) EventTarget will be created. For multiple server replica or serverless environments a distributed EventTarget is recommended"). Pass `eventTarget: createRedisEventTarget({ publishClient, subscribeClient })` from @graphql-yoga/redis-event-target.',
      mercurius: '{{subject}} publishes subscription events through an in-process mqemitter, so subscribers connected to another instance never receive them. Pass `subscription: { emitter }` with a shared emitter (mqemitter-redis, mqemitter-mongodb) or a shared `pubsub`.',
      nestThrottler: '{{subject}} keeps request counts in this process\'s memory (@nestjs/throttler: "Throttler comes with a built-in in-memory cache to keep track of the requests"), so every instance counts on its own. Pass `{ throttlers: [...], storage: new ThrottlerStorageRedisService(redis) }` (@nest-lab/throttler-storage-redis).',
      socketIoAdapter: 'This socket.io server uses the default in-memory adapter: rooms and broadcasts reach only the clients connected to this process. Set a shared adapter, e.g. `io.adapter(createAdapter(pubClient, subClient))` from @socket.io/redis-adapter (or the redis-streams, postgres or mongo adapter).',
      socketIoClusterAdapter: '@socket.io/cluster-adapter links only the workers of one host, so rooms and broadcasts do not reach clients connected to other hosts. Use a shared adapter such as @socket.io/redis-adapter, @socket.io/redis-streams-adapter, @socket.io/postgres-adapter or @socket.io/mongo-adapter.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowStores: allowStoresSchema(
            'Store constructor or factory names the team declares shared (as called in the code, e.g. `ExpressBrute.MemoryStore`, or the export name, e.g. `RateLimiterCluster`); constructions of them are not reported.',
          ),
          requireSocketIoAdapter: {
            type: 'boolean',
            description:
              'Also report socket.io servers that keep the default in-memory adapter (rooms and broadcasts stay inside one process) or use @socket.io/cluster-adapter. On in the `strict` config.',
          },
        },
      },
    ],
    defaultOptions: [{ allowStores: [], requireSocketIoAdapter: false }],
  },
  create(context, [{ allowStores, requireSocketIoAdapter }]) {
    const { sourceCode } = context;
    const isAllowedStore = createStoreAllowList(allowStores);
    const registerCalls: TSESTree.CallExpression[] = [];
    const dynamicImports: TSESTree.ImportExpression[] = [];

    let guard: ProductionGuard | undefined;

    function isReported(finding: Finding, alternatives: readonly TSESTree.Node[]): boolean {
      if (isAllowedStore(finding.storeNames)) return false;
      if (isFallbackStore(finding.node, alternatives)) return false;
      guard ??= createProductionGuard(sourceCode);
      return !guard.isOnlyReachedOutsideProduction(finding.node);
    }

    function reportSocketIoServers(hostAdapters: ReadonlySet<TSESTree.Node>, serverReferences: readonly TSESTree.Node[]): void {
      for (const server of describeSocketIoServers(sourceCode, serverReferences)) {
        if (server.adapter === 'default') {
          context.report({ node: server.node, messageId: 'socketIoAdapter' });
        } else if (server.adapterNode && hostAdapters.has(resolveToDefinition(sourceCode, server.adapterNode))) {
          context.report({ node: server.adapterNode, messageId: 'socketIoClusterAdapter' });
        }
      }
    }

    function collectRegisterCall(node: TSESTree.CallExpression): void {
      const callee = unwrapExpression(node.callee);
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        !callee.computed &&
        callee.property.type === AST_NODE_TYPES.Identifier &&
        callee.property.name === 'register'
      ) {
        registerCalls.push(node);
      }
    }

    return {
      ImportExpression(node) {
        dynamicImports.push(node);
      },
      [REGISTER_CALL]: collectRegisterCall,
      [WRAPPED_CALLEE_CALL]: collectRegisterCall,
      'Program:exit'() {
        const storeReferences: ModuleReference<Sink>[] = [];
        const hostAdapters = new Set<TSESTree.Node>();
        const serverReferences: TSESTree.Node[] = [];
        const traceMap = requireSocketIoAdapter ? STORE_AND_SOCKET_IO_TRACE_MAP : STORE_TRACE_MAP;
        const { requireWrappers } = readSettings(context.settings);
        for (const reference of iterateModuleReferences<Target>(sourceCode, traceMap, { dynamicImports, requireWrappers })) {
          const { info } = reference;
          if (info.kind === 'hostAdapter') hostAdapters.add(reference.node);
          else if (info.kind === 'socketIoServer') serverReferences.push(reference.node);
          else storeReferences.push({ ...reference, info });
        }
        const { findings, alternatives } = detectLocalStores(sourceCode, storeReferences, registerCalls);
        for (const finding of findings) {
          if (!isReported(finding, alternatives)) continue;
          context.report({ node: finding.node, messageId: finding.family, data: { subject: finding.subject } });
        }
        if (requireSocketIoAdapter) reportSocketIoServers(hostAdapters, serverReferences);
      },
    } satisfies TSESLint.RuleListener;
  },
});
