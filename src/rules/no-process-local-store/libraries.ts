import { CALL, CONSTRUCT, type TraceMap, type TraceMapElement } from '../../analysis/module-references.js';

/**
 * Message families: one per library, because each quotes its own library's warning and names
 * that library's shared alternative. Facts: library-catalog.md section 4, re-checked with
 * `npm pack` (express-rate-limit 8.7.5, express-slow-down 3.1.1, rate-limiter-flexible 11.4.0,
 * @fastify/rate-limit 11.2.0, express-brute 1.0.1, graphql-subscriptions 3.0.0,
 * @graphql-yoga/subscription 5.1.1, mercurius 16.10.1, @nestjs/throttler 6.7.1,
 * hono-rate-limiter 0.5.4, koa-ratelimit 6.0.0, koa2-ratelimit 1.1.3, socket.io 4.8.4, limiter 4.1.0).
 */
export type Family =
  | 'expressRateLimit'
  | 'expressSlowDown'
  | 'honoRateLimiter'
  | 'koaRateLimit'
  | 'limiter'
  | 'rateLimiterFlexible'
  | 'rateLimiterCluster'
  | 'rateLimiterSqlite'
  | 'fastifyRateLimit'
  | 'expressBrute'
  | 'graphqlPubSub'
  | 'yogaPubSub'
  | 'mercurius'
  | 'nestThrottler';

/** What a matched module reference is, and how the rule decides about it. */
export type Sink =
  /** Middleware factory whose options `store` defaults to process memory: `rateLimit(opts)`. */
  | { readonly kind: 'defaultStore'; readonly family: Family; readonly label: string; readonly option: string }
  /** A store or limiter that always lives in this process (or host): `new RateLimiterMemory()`. */
  | { readonly kind: 'localStore'; readonly family: Family; readonly label: string; readonly insurable?: boolean }
  /** `new ExpressBruteFlexible(type, opts)`: local when `type` is `memory` or `cluster`. */
  | { readonly kind: 'bruteFlexible' }
  /** `createPubSub(config)`: local without `config.eventTarget`. */
  | { readonly kind: 'createPubSub' }
  /** `ratelimit({ driver: 'memory' })` from koa-ratelimit (its default driver is `redis`). */
  | { readonly kind: 'koaDriver' }
  /** `ThrottlerModule.forRoot(options)` / `forRootAsync({ useFactory })`. */
  | { readonly kind: 'nestThrottler'; readonly async: boolean }
  /** `GraphQLModule.forRoot({ driver: MercuriusDriver, subscription })` (@nestjs/graphql). */
  | { readonly kind: 'nestGraphql'; readonly async: boolean }
  /** `mqemitter()`: the in-memory emitter mercurius uses by default. */
  | { readonly kind: 'memoryEmitter' }
  /**
   * A store backed by a shared service (`new RedisStore()`, `new RateLimiterRedis()`, ...). Never
   * reported; its presence in the other branch of a conditional marks a local store as a fallback.
   */
  | { readonly kind: 'sharedStore' };

function callable(sink: Sink): TraceMapElement<Sink> {
  return { [CALL]: sink, [CONSTRUCT]: sink };
}

/** A CommonJS module that is itself the export, reachable as module, `default` and named export. */
function moduleExport(sink: Sink, names: readonly string[]): TraceMapElement<Sink> {
  const element: TraceMapElement<Sink> = { ...callable(sink), default: callable(sink) };
  for (const name of names) element[name] = callable(sink);
  return element;
}

const RATE_LIMIT: Sink = { kind: 'defaultStore', family: 'expressRateLimit', label: '`rateLimit()` without `store`', option: 'store' };
const RATE_LIMIT_MEMORY_STORE: Sink = { kind: 'localStore', family: 'expressRateLimit', label: '`MemoryStore`' };
const SLOW_DOWN: Sink = { kind: 'defaultStore', family: 'expressSlowDown', label: '`slowDown()` without `store`', option: 'store' };
const HONO_RATE_LIMITER: Sink = { kind: 'defaultStore', family: 'honoRateLimiter', label: '`rateLimiter()` without `store`', option: 'store' };
const HONO_WS_LIMITER: Sink = { kind: 'defaultStore', family: 'honoRateLimiter', label: '`webSocketLimiter()` without `store`', option: 'store' };
const HONO_MEMORY_STORE: Sink = { kind: 'localStore', family: 'honoRateLimiter', label: '`MemoryStore`' };

function limiter(family: Family, name: string): Sink {
  return { kind: 'localStore', family, label: `\`${name}\``, insurable: true };
}

const RATE_LIMITER_MEMORY = limiter('rateLimiterFlexible', 'RateLimiterMemory');
const RATE_LIMITER_CLUSTER = limiter('rateLimiterCluster', 'RateLimiterCluster');
const RATE_LIMITER_SQLITE = limiter('rateLimiterSqlite', 'RateLimiterSQLite');
const BRUTE_FLEXIBLE: Sink = { kind: 'bruteFlexible' };
/** The `limiter` package's token buckets: its README says their state "is not shared across processes, workers, or machines". */
const LIMITER: TraceMapElement<Sink> = {
  RateLimiter: { [CONSTRUCT]: { kind: 'localStore', family: 'limiter', label: '`RateLimiter` (limiter)' } },
  TokenBucket: { [CONSTRUCT]: { kind: 'localStore', family: 'limiter', label: '`TokenBucket` (limiter)' } },
};
const PUB_SUB: Sink = { kind: 'localStore', family: 'graphqlPubSub', label: '`new PubSub()`' };
const CREATE_PUB_SUB: Sink = { kind: 'createPubSub' };
const THROTTLER_MODULE: TraceMapElement<Sink> = {
  forRoot: { [CALL]: { kind: 'nestThrottler', async: false } },
  forRootAsync: { [CALL]: { kind: 'nestThrottler', async: true } },
};
const GRAPHQL_MODULE: TraceMapElement<Sink> = {
  forRoot: { [CALL]: { kind: 'nestGraphql', async: false } },
  forRootAsync: { [CALL]: { kind: 'nestGraphql', async: true } },
};

/** Deep imports of rate-limiter-flexible: `require('rate-limiter-flexible/lib/RateLimiterMemory')`. */
function deepLimiterImports(): TraceMap<Sink> {
  const map: TraceMap<Sink> = {};
  const add = (file: string, element: TraceMapElement<Sink>) => {
    map[`rate-limiter-flexible/lib/${file}`] = element;
    map[`rate-limiter-flexible/lib/${file}.js`] = element;
  };
  add('RateLimiterMemory', moduleExport(RATE_LIMITER_MEMORY, []));
  add('RateLimiterSQLite', moduleExport(RATE_LIMITER_SQLITE, []));
  add('RateLimiterCluster', { RateLimiterCluster: { [CONSTRUCT]: RATE_LIMITER_CLUSTER } });
  add('ExpressBruteFlexible', moduleExport(BRUTE_FLEXIBLE, []));
  return map;
}

const SHARED: Sink = { kind: 'sharedStore' };
const SHARED_CLASS: TraceMapElement<Sink> = callable(SHARED);

function shared(names: readonly string[]): TraceMapElement<Sink> {
  return Object.fromEntries(names.map((name) => [name, SHARED_CLASS]));
}

const SHARED_LIMITERS = [
  'RateLimiterRedis',
  'RateLimiterRedisNonAtomic',
  'RateLimiterValkey',
  'RateLimiterValkeyGlide',
  'RateLimiterMemcache',
  'RateLimiterMongo',
  'RateLimiterMySQL',
  'RateLimiterPostgres',
  'RateLimiterDynamo',
  'RateLimiterPrisma',
  'RateLimiterDrizzle',
  'RateLimiterDrizzleNonAtomic',
  'RateLimiterEtcd',
  'RateLimiterEtcdNonAtomic',
];

/** Stores backed by a shared service, by module id (recognised only to tell a fallback from a default). */
const SHARED_STORES: TraceMap<Sink> = {
  'rate-limit-redis': moduleExport(SHARED, ['RedisStore']),
  'rate-limit-memcached': moduleExport(SHARED, ['MemcachedStore']),
  'rate-limit-mongo': moduleExport(SHARED, []),
  '@acpr/rate-limit-postgresql': shared(['PostgresStore']),
  'graphql-redis-subscriptions': shared(['RedisPubSub']),
  'graphql-postgres-subscriptions': shared(['PostgresPubSub']),
  'graphql-google-pubsub': shared(['GooglePubSub']),
  'graphql-mqtt-subscriptions': shared(['MQTTPubSub']),
  'graphql-amqp-subscriptions': shared(['AMQPPubSub']),
  'graphql-kafka-subscriptions': shared(['KafkaPubSub']),
  '@graphql-yoga/redis-event-target': shared(['createRedisEventTarget']),
  'mqemitter-redis': moduleExport(SHARED, []),
  'mqemitter-mongodb': moduleExport(SHARED, []),
  '@nest-lab/throttler-storage-redis': shared(['ThrottlerStorageRedisService']),
  'nestjs-throttler-storage-redis': shared(['ThrottlerStorageRedisService']),
  'express-brute-redis': moduleExport(SHARED, []),
  'express-brute-memcached': moduleExport(SHARED, []),
  'express-brute-mongo': moduleExport(SHARED, []),
};

const GRAPHQL_SUBSCRIPTIONS_PUB_SUB: TraceMapElement<Sink> = { PubSub: { [CONSTRUCT]: PUB_SUB } };

/**
 * Every library export the rule knows, by module id. Shared stores are listed only as
 * `sharedStore`; anything not listed here (a store from the project's own modules, an unknown
 * package) is never reported.
 */
export const STORE_TRACE_MAP: TraceMap<Sink> = {
  ...SHARED_STORES,
  'express-rate-limit': {
    ...moduleExport(RATE_LIMIT, ['rateLimit']),
    MemoryStore: { [CONSTRUCT]: RATE_LIMIT_MEMORY_STORE },
  },
  'express-slow-down': moduleExport(SLOW_DOWN, ['slowDown']),
  'precise-memory-rate-limit': moduleExport(RATE_LIMIT_MEMORY_STORE, []),
  'hono-rate-limiter': {
    rateLimiter: { [CALL]: HONO_RATE_LIMITER },
    webSocketLimiter: { [CALL]: HONO_WS_LIMITER },
    MemoryStore: { [CONSTRUCT]: HONO_MEMORY_STORE },
  },
  'koa-ratelimit': moduleExport({ kind: 'koaDriver' }, []),
  limiter: LIMITER,
  'koa2-ratelimit': { Stores: { Memory: { [CONSTRUCT]: { kind: 'localStore', family: 'koaRateLimit', label: '`Stores.Memory`' } } } },
  'rate-limiter-flexible': {
    ...shared(SHARED_LIMITERS),
    RateLimiterMemory: { [CONSTRUCT]: RATE_LIMITER_MEMORY },
    RateLimiterCluster: { [CONSTRUCT]: RATE_LIMITER_CLUSTER },
    RateLimiterSQLite: { [CONSTRUCT]: RATE_LIMITER_SQLITE },
    ExpressBruteFlexible: { [CONSTRUCT]: BRUTE_FLEXIBLE },
  },
  ...deepLimiterImports(),
  'express-brute': { MemoryStore: { [CONSTRUCT]: { kind: 'localStore', family: 'expressBrute', label: '`ExpressBrute.MemoryStore`' } } },
  'graphql-subscriptions': GRAPHQL_SUBSCRIPTIONS_PUB_SUB,
  // Apollo Server 2 and graphql-yoga 1 re-exported graphql-subscriptions' PubSub.
  'apollo-server': GRAPHQL_SUBSCRIPTIONS_PUB_SUB,
  'apollo-server-express': GRAPHQL_SUBSCRIPTIONS_PUB_SUB,
  'apollo-server-koa': GRAPHQL_SUBSCRIPTIONS_PUB_SUB,
  'apollo-server-hapi': GRAPHQL_SUBSCRIPTIONS_PUB_SUB,
  'apollo-server-fastify': GRAPHQL_SUBSCRIPTIONS_PUB_SUB,
  'apollo-server-core': GRAPHQL_SUBSCRIPTIONS_PUB_SUB,
  'graphql-yoga': { ...GRAPHQL_SUBSCRIPTIONS_PUB_SUB, createPubSub: { [CALL]: CREATE_PUB_SUB } },
  '@graphql-yoga/subscription': { createPubSub: { [CALL]: CREATE_PUB_SUB } },
  // graphql-yoga 2
  '@graphql-yoga/node': { createPubSub: { [CALL]: CREATE_PUB_SUB } },
  '@graphql-yoga/common': { createPubSub: { [CALL]: CREATE_PUB_SUB } },
  mqemitter: moduleExport({ kind: 'memoryEmitter' }, []),
  '@nestjs/throttler': { ThrottlerModule: THROTTLER_MODULE },
  '@nestjs/graphql': { GraphQLModule: GRAPHQL_MODULE },
};

/**
 * Fastify plugins registered with `app.register(plugin, options)`: module id -> the named exports
 * that are the plugin too (the module itself and its `default` export always are).
 */
export const FASTIFY_PLUGINS: ReadonlyMap<string, { readonly family: 'fastifyRateLimit' | 'mercurius'; readonly pluginExports: readonly string[] }> = new Map([
  ['@fastify/rate-limit', { family: 'fastifyRateLimit', pluginExports: ['fastifyRateLimit'] }],
  ['fastify-rate-limit', { family: 'fastifyRateLimit', pluginExports: ['fastifyRateLimit'] }],
  ['mercurius', { family: 'mercurius', pluginExports: ['mercurius'] }],
] as const);

/** `driver: MercuriusDriver` in `GraphQLModule.forRoot(...)`. */
export const MERCURIUS_DRIVER = { module: '@nestjs/mercurius', exportName: 'MercuriusDriver' } as const;

/** A socket.io adapter that links only the workers of one host. */
export const HOST_ADAPTER = { kind: 'hostAdapter' } as const;

/** `createAdapter()` from @socket.io/cluster-adapter shares rooms only between the workers of one host. */
export const SOCKET_IO_HOST_ADAPTERS: TraceMap<typeof HOST_ADAPTER> = {
  '@socket.io/cluster-adapter': { createAdapter: { [CALL]: HOST_ADAPTER } },
};
