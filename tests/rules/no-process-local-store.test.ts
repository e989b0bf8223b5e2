import rule from '../../src/rules/no-process-local-store.js';
import { runRuleTests, type Invalid, type Valid } from '../rule-tester.js';

type MessageId = Parameters<typeof rule.create>[0] extends { report(descriptor: { messageId: infer M }): void } ? M : never;
type Options = [{ allowStores?: string[]; requireSocketIoAdapter?: boolean }];

function error(messageId: MessageId, subject: string | undefined, line: number, column: number) {
  return subject === undefined ? { messageId, line, column } : { messageId, data: { subject }, line, column };
}

const RATE_LIMIT = '`rateLimit()` without `store`';
const MEMORY_STORE = '`MemoryStore`';
const STRICT: Options = [{ requireSocketIoAdapter: true }];

const valid: Valid<Options>[] = [
  // a spread the file cannot read may hold a store; JSON settings with a store added in code do
  `const rateLimit = require('express-rate-limit');
app.use(rateLimit({ ...limiterOptions() }));`,
  `const settings = require('./settings.json');
const rateLimit = require('express-rate-limit');
app.use(rateLimit({ ...settings.rateLimit, store: new RedisStore({ sendCommand }) }));`,
  // a RateLimiter of the project's own, or of another package, is not limiter's
  `import { RateLimiter } from './rate-limiter.js';
const limiter = new RateLimiter({ redis });`,
  `const { RateLimiter } = require('some-other-limiter');
const limiter = new RateLimiter(150, 'hour');`,
  // express-rate-limit / express-slow-down with a shared store
  "import rateLimit from 'express-rate-limit';\nimport { RedisStore } from 'rate-limit-redis';\napp.use(rateLimit({ windowMs: 60000, store: new RedisStore({ sendCommand: (...args) => client.sendCommand(args) }) }));",
  "const rateLimit = require('express-rate-limit');\nconst MemcachedStore = require('rate-limit-memcached');\napp.use(rateLimit({ store: new MemcachedStore({ locations: ['localhost:11211'] }) }));",
  "import { slowDown } from 'express-slow-down';\nimport { RedisStore } from 'rate-limit-redis';\napp.use(slowDown({ delayAfter: 5, store: new RedisStore({ sendCommand }) }));",
  // a store from the project's own modules, or options the rule cannot see into
  "import { rateLimit } from 'express-rate-limit';\nimport { limiterStore } from './stores.js';\nexport const limiter = rateLimit({ store: limiterStore, limit: 10 });",
  "import rateLimit from 'express-rate-limit';\napp.use(rateLimit(config.rateLimit));",
  "import rateLimit from 'express-rate-limit';\nexport function makeLimiter(options) { return rateLimit(options); }",
  "import rateLimit from 'express-rate-limit';\napp.use(rateLimit({ ...sharedDefaults, limit: 5 }));",
  "import rateLimit from 'express-rate-limit';\napp.use(rateLimit({ windowMs: 1000, store: redisClient ? new RedisStore({ sendCommand }) : undefined }));",
  // a same-named function from elsewhere
  "import { rateLimit } from './middleware/rate-limit.js';\napp.use(rateLimit({ windowMs: 60000 }));",
  'function rateLimit(o) { return o; }\napp.use(rateLimit({ windowMs: 60000 }));',
  // rate-limiter-flexible: shared limiters, the insurance failover, wrappers of unknown limiters
  "import { RateLimiterRedis } from 'rate-limiter-flexible';\nexport const limiter = new RateLimiterRedis({ storeClient: redis, points: 5, duration: 1 });",
  "const { RateLimiterRedis, RateLimiterMemory } = require('rate-limiter-flexible');\nconst limiter = new RateLimiterRedis({ storeClient: redis, points: 5, insuranceLimiter: new RateLimiterMemory({ points: 1, duration: 1 }) });",
  "const { RateLimiterRedis, RateLimiterMemory } = require('rate-limiter-flexible');\nconst SLOT = 'insuranceLimiter';\nconst limiter = new RateLimiterRedis({ storeClient: redis, [SLOT]: new RateLimiterMemory({ points: 1 }) });",
  "const { RateLimiterPostgres, RateLimiterMemory } = require('rate-limiter-flexible');\nconst insurance = new RateLimiterMemory({ points: 5 });\nconst limiter = new RateLimiterPostgres({ storeClient: pool, insuranceLimiter: insurance });",
  "import { RateLimiterQueue } from 'rate-limiter-flexible';\nexport const queue = new RateLimiterQueue(limiterFromElsewhere, { maxQueueSize: 100 });",
  "import { BurstyRateLimiter, RateLimiterRedis } from 'rate-limiter-flexible';\nconst bursty = new BurstyRateLimiter(new RateLimiterRedis({ storeClient: redis, points: 2 }), new RateLimiterRedis({ storeClient: redis, points: 5, keyPrefix: 'burst' }));",
  "const { RateLimiterRedis, RateLimiterMemory } = require('rate-limiter-flexible');\nconst insuranceLimiter = new RateLimiterMemory({ points: 1 });\nmodule.exports = new RateLimiterRedis({ storeClient: redis, insuranceLimiter });",
  // a local store only as the fallback of a shared one
  "import { RateLimiterRedis, RateLimiterMemory } from 'rate-limiter-flexible';\nexport const limiter = redis ? new RateLimiterRedis({ storeClient: redis }) : new RateLimiterMemory({ points: 5 });",
  "import { MemoryStore } from 'express-rate-limit';\nexport function storeFor(options) { return options.store ?? new MemoryStore(); }",
  "import { PubSub } from 'graphql-subscriptions';\nimport { RedisPubSub } from 'graphql-redis-subscriptions';\nlet pubsub;\nif (process.env.REDIS_URL) { pubsub = new RedisPubSub({ connection: process.env.REDIS_URL }); } else { pubsub = new PubSub(); }\nexport { pubsub };",
  // development-only code
  "import { PubSub } from 'graphql-subscriptions';\nif (process.env.NODE_ENV !== 'production') { devServer.pubsub = new PubSub(); }",
  // @fastify/rate-limit with redis or a store, or unknown options
  "import rateLimit from '@fastify/rate-limit';\nimport Redis from 'ioredis';\nawait fastify.register(rateLimit, { max: 100, redis: new Redis({ host: 'redis' }) });",
  "fastify.register(require('@fastify/rate-limit'), { max: 100, store: KnexStore });",
  "import rateLimit from '@fastify/rate-limit';\nawait app.register(rateLimit, rateLimitOptions);",
  "import rateLimit from '@fastify/rate-limit';\nawait app.register(rateLimit, (parent) => ({ redis: parent.redis }));",
  "import helmet from '@fastify/helmet';\nawait app.register(helmet, {});",
  // express-brute with a shared store
  "const ExpressBrute = require('express-brute');\nconst RedisStore = require('express-brute-redis');\nconst bruteforce = new ExpressBrute(new RedisStore({ host: '127.0.0.1' }));",
  // pub/sub backed by a broker
  "import { RedisPubSub } from 'graphql-redis-subscriptions';\nexport const pubsub = new RedisPubSub({ publisher, subscriber });",
  "import { createPubSub } from 'graphql-yoga';\nimport { createRedisEventTarget } from '@graphql-yoga/redis-event-target';\nexport const pubSub = createPubSub({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });",
  "import { createPubSub } from '@graphql-yoga/subscription';\nexport const pubSub = createPubSub(pubSubConfig);",
  "import { PubSub } from 'type-graphql';\nexport const pubsub = new PubSub();",
  // mercurius with a shared emitter / pubsub, or without subscriptions
  "import mercurius from 'mercurius';\nimport mqRedis from 'mqemitter-redis';\napp.register(mercurius, { schema, resolvers, subscription: { emitter: mqRedis({ host: 'redis' }) } });",
  "const mercurius = require('mercurius');\napp.register(mercurius, { schema, resolvers, subscription: { pubsub: new CustomPubSub() } });",
  "import mercurius from 'mercurius';\napp.register(mercurius, { schema, resolvers, graphiql: true });",
  "import mercurius from 'mercurius';\napp.register(mercurius, { schema, resolvers, subscription: false });",
  // @nestjs/throttler with a storage, or a factory the rule cannot see
  "import { ThrottlerModule } from '@nestjs/throttler';\nimport { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';\nexport const throttler = ThrottlerModule.forRoot({ throttlers: [{ ttl: 60000, limit: 10 }], storage: new ThrottlerStorageRedisService(redis) });",
  "import { ThrottlerModule } from '@nestjs/throttler';\nexport const throttler = ThrottlerModule.forRootAsync({ inject: [ConfigService], useFactory: (config) => config.get('throttler') });",
  "import { ThrottlerModule } from '@nestjs/throttler';\nexport const throttler = ThrottlerModule.forRootAsync({ useClass: ThrottlerConfigService });",
  "import { ThrottlerModule } from '@nestjs/throttler';\nexport const throttler = ThrottlerModule.forRootAsync({ inject: [ConfigService], useFactory: (config) => ({ throttlers: [{ ttl: 60000, limit: 10 }], storage: new ThrottlerStorageRedisService(config.get('REDIS_URL')) }) });",
  // more shared configurations and unknowns
  "import { PubSub } from '@google-cloud/pubsub';\nexport const pubsub = new PubSub({ projectId: 'p' });",
  "import { createPubSub } from './pubsub.js';\nexport const pubSub = createPubSub();",
  "import rateLimit from 'express-rate-limit';\nimport { RedisStore } from 'rate-limit-redis';\napp.use(isProduction ? rateLimit({ store: new RedisStore({ sendCommand }) }) : rateLimit({ windowMs: 1000 }));",
  "import { RateLimiterMemory } from 'rate-limiter-flexible';\nif (process.env.NODE_ENV === 'test') { globalThis.testLimiter = new RateLimiterMemory({ points: 1000 }); }",
  "import mercurius from 'mercurius';\napp.register(mercurius, { schema, subscription: config.subscription });",
  "const ExpressBrute = require('express-brute');\nconst MongooseStore = require('express-brute-mongoose');\nconst brute = new ExpressBrute(new MongooseStore(BruteForceModel));",
  "import { ThrottlerModule } from '@nestjs/throttler';\nimport { throttlerConfig } from './config.js';\nexport const throttler = ThrottlerModule.forRoot(throttlerConfig);",
  "const { RLWrapperBlackAndWhite, RateLimiterRedis } = require('rate-limiter-flexible');\nconst limiter = new RLWrapperBlackAndWhite({ limiter: new RateLimiterRedis({ storeClient: redis }), whiteList: ['127.0.0.1'] });",
  "import rateLimit from '@fastify/rate-limit';\nconst redis = new Redis(process.env.REDIS_URL);\nawait app.register(rateLimit, { redis, max: 100 });",
  "const ratelimit = require('koa-ratelimit');\napp.use(ratelimit({ driver: 'redis', db: new Redis(), duration: 60000 }));",
  "import { rateLimiter, RedisStore } from 'hono-rate-limiter';\napp.use(rateLimiter({ windowMs: 60000, limit: 100, keyGenerator, store: new RedisStore({ client }) }));",
  "import { ThrottlerModule } from '@nestjs/throttler';\nfunction throttlerOptions(config) { return config.get('throttler'); }\nexport const throttler = ThrottlerModule.forRootAsync({ inject: [ConfigService], useFactory: throttlerOptions });",
  "import { GraphQLModule } from '@nestjs/graphql';\nimport { ApolloDriver } from '@nestjs/apollo';\nexport const graphql = GraphQLModule.forRoot({ driver: ApolloDriver, subscriptions: { 'graphql-ws': true } });",
  {
    code: "import { Server } from 'socket.io';\nimport { createShardedAdapter } from '@socket.io/redis-adapter';\nconst io = new Server(httpServer, { transports: ['websocket'] });\nio.adapter(createShardedAdapter(pubClient, subClient));",
    options: STRICT,
  },
  {
    code: "const { Server } = require('socket.io');\nconst io = new Server(server);\nsetupRedisAdapter(io);",
    options: STRICT,
  },
  // allowStores
  {
    code: "import { RateLimiterCluster } from 'rate-limiter-flexible';\nexport const limiter = new RateLimiterCluster({ points: 5 });",
    options: [{ allowStores: ['RateLimiterCluster'] }],
  },
  {
    code: "const ExpressBrute = require('express-brute');\nconst store = new ExpressBrute.MemoryStore();",
    options: [{ allowStores: ['ExpressBrute.MemoryStore'] }],
  },
  // socket.io: never without the strict option; with it, an adapter is set or cannot be known
  "import { Server } from 'socket.io';\nconst io = new Server(httpServer);",
  {
    code: "import { Server } from 'socket.io';\nimport { createAdapter } from '@socket.io/redis-adapter';\nconst io = new Server(httpServer);\nio.adapter(createAdapter(pubClient, subClient));",
    options: STRICT,
  },
  {
    code: "const { Server } = require('socket.io');\nconst { createAdapter } = require('@socket.io/postgres-adapter');\nconst io = new Server(server, { adapter: createAdapter(pool) });",
    options: STRICT,
  },
  {
    code: "import { Server } from 'socket.io';\nexport const io = new Server(httpServer);",
    options: STRICT,
  },
  {
    code: "import { Server } from 'socket.io';\nconst io = new Server(httpServer, socketOptions);",
    options: STRICT,
  },
];

const invalid: Invalid<MessageId, Options>[] = [
  // express-rate-limit: default, named, CommonJS, old constructor forms
  {
    code: "import rateLimit from 'express-rate-limit';\napp.use('/api', rateLimit({ windowMs: 15 * 60 * 1000, max: 100 }));",
    errors: [error('expressRateLimit', RATE_LIMIT, 2, 17)],
  },
  {
    code: "import { rateLimit } from 'express-rate-limit';\nconst limiter = rateLimit({ windowMs: 60000, limit: 100, standardHeaders: 'draft-8' });\napp.use(limiter);",
    errors: [error('expressRateLimit', RATE_LIMIT, 2, 17)],
  },
  {
    code: "const rateLimit = require('express-rate-limit');\napp.use(rateLimit());",
    errors: [error('expressRateLimit', RATE_LIMIT, 2, 9)],
  },
  {
    code: "const { rateLimit: limit } = require('express-rate-limit');\nconst options = { windowMs: 1000, max: 5 };\nrouter.post('/login', limit(options), login);",
    errors: [error('expressRateLimit', RATE_LIMIT, 3, 23)],
  },
  {
    code: "app.use(require('express-rate-limit')({ windowMs: 1000 }));",
    errors: [error('expressRateLimit', RATE_LIMIT, 1, 9)],
  },
  {
    code: "const RateLimit = require('express-rate-limit');\nconst apiLimiter = new RateLimit({ windowMs: 60000, max: 100, delayMs: 0 });",
    errors: [error('expressRateLimit', RATE_LIMIT, 2, 20)],
  },
  {
    code: "import rateLimit = require('express-rate-limit');\napp.use(rateLimit({ windowMs: 1000 }));",
    parsers: ['ts'],
    errors: [error('expressRateLimit', RATE_LIMIT, 2, 9)],
  },
  {
    code: "import rateLimit from 'express-rate-limit';\nconst defaults = { windowMs: 60000 };\napp.use(rateLimit({ ...defaults, max: 10, store: undefined }));",
    errors: [error('expressRateLimit', RATE_LIMIT, 3, 9)],
  },
  {
    code: "import { rateLimit, MemoryStore } from 'express-rate-limit';\napp.use(rateLimit({ windowMs: 1000, store: new MemoryStore() }));",
    errors: [error('expressRateLimit', MEMORY_STORE, 2, 44)],
  },
  {
    code: "const rateLimit = require('express-rate-limit');\nconst PreciseMemoryStore = require('precise-memory-rate-limit');\napp.use(rateLimit({ store: new PreciseMemoryStore(60000, 100) }));",
    errors: [error('expressRateLimit', MEMORY_STORE, 3, 28)],
  },
  // express-slow-down
  {
    code: "import { slowDown } from 'express-slow-down';\napp.use(slowDown({ windowMs: 15 * 60 * 1000, delayAfter: 5, delayMs: (hits) => hits * 100 }));",
    errors: [error('expressSlowDown', '`slowDown()` without `store`', 2, 9)],
  },
  {
    code: "import slowDown from 'express-slow-down';\nexport const speedLimiter = slowDown({ delayAfter: 1 });",
    errors: [error('expressSlowDown', '`slowDown()` without `store`', 2, 29)],
  },
  {
    code: "const slowDown = require('express-slow-down');\nconst { MemoryStore } = require('express-rate-limit');\napp.use(slowDown({ store: new MemoryStore() }));",
    errors: [error('expressRateLimit', MEMORY_STORE, 3, 27)],
  },
  // options spread from JSON settings: JSON holds no store, so the default memory store is used
  {
    code: `const settings = require('./settings.json');
const rateLimit = require('express-rate-limit');
app.use('/api', rateLimit({ ...settings.rateLimit, standardHeaders: true }));`,
    errors: [error('expressRateLimit', RATE_LIMIT, 3, 17)],
  },
  {
    code: `import rateLimit from 'express-rate-limit';
import config from '../config/limits.json' with { type: 'json' };
export const apiLimiter = rateLimit(config.api);`,
    errors: [error('expressRateLimit', RATE_LIMIT, 3, 27)],
  },
  // limiter: a token bucket in this process, for incoming requests or outgoing calls alike
  {
    code: `import { RateLimiter } from 'limiter';
const limiter = new RateLimiter({ tokensPerInterval: 10, interval: 'second' });
app.use((req, res, next) => (limiter.tryRemoveTokens(1) ? next() : res.sendStatus(429)));`,
    errors: [error('limiter', '`RateLimiter` (limiter)', 2, 17)],
  },
  {
    code: `const { TokenBucket } = require('limiter');
const apiBudget = new TokenBucket({ bucketSize: 150, tokensPerInterval: 150, interval: 'hour' });
exports.callPartner = async (body) => { await apiBudget.removeTokens(1); return fetch(PARTNER_URL, { method: 'POST', body }); };`,
    errors: [error('limiter', '`TokenBucket` (limiter)', 2, 19)],
  },
  {
    code: `const RateLimiter = require('limiter').RateLimiter;
const limiter = new RateLimiter(150, 'hour');`,
    errors: [error('limiter', '`RateLimiter` (limiter)', 2, 17)],
  },
  // rate-limiter-flexible
  {
    code: "import { RateLimiterMemory } from 'rate-limiter-flexible';\nconst limiter = new RateLimiterMemory({ points: 5, duration: 1 });",
    errors: [error('rateLimiterFlexible', '`RateLimiterMemory`', 2, 17)],
  },
  {
    code: "const { RateLimiterMemory } = require('rate-limiter-flexible');\nconst opts = { points: 6, duration: 1 };\nconst rateLimiter = new RateLimiterMemory(opts);\nmodule.exports = async (req, res, next) => { await rateLimiter.consume(req.ip); next(); };",
    errors: [error('rateLimiterFlexible', '`RateLimiterMemory`', 3, 21)],
  },
  {
    code: "const RateLimiterMemory = require('rate-limiter-flexible/lib/RateLimiterMemory');\nconst limiter = new RateLimiterMemory({ points: 10 });",
    errors: [error('rateLimiterFlexible', '`RateLimiterMemory`', 2, 17)],
  },
  {
    code: "import * as flexible from 'rate-limiter-flexible';\nexport const limiter = new flexible.RateLimiterMemory({ points: 10 });",
    errors: [error('rateLimiterFlexible', '`RateLimiterMemory`', 2, 24)],
  },
  {
    code: "const { RateLimiterCluster } = require('rate-limiter-flexible');\nconst limiter = new RateLimiterCluster({ keyPrefix: 'api', points: 100, duration: 1, timeoutMs: 3000 });",
    errors: [error('rateLimiterCluster', '`RateLimiterCluster`', 2, 17)],
  },
  {
    code: "import { RateLimiterSQLite } from 'rate-limiter-flexible';\nimport Database from 'better-sqlite3';\nexport const limiter = new RateLimiterSQLite({ storeClient: new Database('./rate-limit.db'), storeType: 'better-sqlite3', tableName: 'limits' });",
    errors: [error('rateLimiterSqlite', '`RateLimiterSQLite`', 3, 24)],
  },
  {
    code: "import { RateLimiterQueue, RateLimiterMemory } from 'rate-limiter-flexible';\nexport const queue = new RateLimiterQueue(new RateLimiterMemory({ points: 2, duration: 1 }), { maxQueueSize: 100 });",
    errors: [error('rateLimiterFlexible', '`RateLimiterMemory`', 2, 43)],
  },
  {
    code: "const { BurstyRateLimiter, RateLimiterMemory, RateLimiterUnion } = require('rate-limiter-flexible');\nconst perSecond = new RateLimiterMemory({ points: 2, duration: 1 });\nconst burst = new RateLimiterMemory({ keyPrefix: 'burst', points: 5, duration: 10 });\nconst bursty = new BurstyRateLimiter(perSecond, burst);\nconst union = new RateLimiterUnion(perSecond, burst);",
    errors: [error('rateLimiterFlexible', '`RateLimiterMemory`', 2, 19), error('rateLimiterFlexible', '`RateLimiterMemory`', 3, 15)],
  },
  {
    code: "const { RateLimiterRedis, RateLimiterMemory } = require('rate-limiter-flexible');\nconst memory = new RateLimiterMemory({ points: 5 });\nconst limiter = new RateLimiterRedis({ storeClient: redis, insuranceLimiter: memory });\napp.use((req, res, next) => memory.consume(req.ip).then(() => next()));",
    errors: [error('rateLimiterFlexible', '`RateLimiterMemory`', 2, 16)],
  },
  {
    code: "const { RateLimiterRedis, RateLimiterMemory } = require('rate-limiter-flexible');\nconst limiter = new RateLimiterRedis({ storeClient: redis, [slot]: new RateLimiterMemory({ points: 1 }) });",
    errors: [error('rateLimiterFlexible', '`RateLimiterMemory`', 2, 68)],
  },
  {
    code: "const ExpressBruteFlexible = require('rate-limiter-flexible/lib/ExpressBruteFlexible');\nconst bruteforce = new ExpressBruteFlexible(ExpressBruteFlexible.LIMITER_TYPES.MEMORY, { freeRetries: 2 });",
    errors: [error('rateLimiterFlexible', "`ExpressBruteFlexible` of type `'memory'`", 2, 20)],
  },
  {
    code: "const { ExpressBruteFlexible } = require('rate-limiter-flexible');\nconst bruteforce = new ExpressBruteFlexible('cluster', { freeRetries: 2 });",
    errors: [error('rateLimiterCluster', "`ExpressBruteFlexible` of type `'cluster'`", 2, 20)],
  },
  // a local store in both branches is still local
  {
    code: "import { RateLimiterCluster, RateLimiterMemory } from 'rate-limiter-flexible';\nexport const limiter = clustered ? new RateLimiterCluster({ points: 5 }) : new RateLimiterMemory({ points: 5 });",
    errors: [error('rateLimiterCluster', '`RateLimiterCluster`', 2, 36), error('rateLimiterFlexible', '`RateLimiterMemory`', 2, 76)],
  },
  {
    code: "const { RateLimiterMemory } = require('rate-limiter-flexible');\nconst limiters = {};\nfunction limiterFor(route) { return limiters[route] || (limiters[route] = new RateLimiterMemory({ points: 5 })); }",
    errors: [error('rateLimiterFlexible', '`RateLimiterMemory`', 3, 75)],
  },
  // @fastify/rate-limit and the old fastify-rate-limit
  {
    code: "import rateLimit from '@fastify/rate-limit';\nawait fastify.register(rateLimit, { max: 100, timeWindow: '1 minute' });",
    errors: [error('fastifyRateLimit', '`@fastify/rate-limit` registered without `redis` or `store`', 2, 7)],
  },
  {
    code: "await app.register(import('@fastify/rate-limit'), { global: false });",
    parsers: ['esm', 'ts'],
    errors: [error('fastifyRateLimit', '`@fastify/rate-limit` registered without `redis` or `store`', 1, 7)],
  },
  {
    code: "fastify.register(require('fastify-rate-limit'), { max: 100, timeWindow: 60000 });",
    errors: [error('fastifyRateLimit', '`fastify-rate-limit` registered without `redis` or `store`', 1, 1)],
  },
  {
    code: "const { fastifyRateLimit } = require('@fastify/rate-limit');\nmodule.exports = fp(async (app) => { app.register(fastifyRateLimit); });",
    errors: [error('fastifyRateLimit', '`@fastify/rate-limit` registered without `redis` or `store`', 2, 38)],
  },
  // express-brute
  {
    code: "const ExpressBrute = require('express-brute');\nconst store = new ExpressBrute.MemoryStore();\nconst bruteforce = new ExpressBrute(store);\napp.post('/auth', bruteforce.prevent, login);",
    errors: [error('expressBrute', '`ExpressBrute.MemoryStore`', 2, 15)],
  },
  {
    code: "import ExpressBrute from 'express-brute';\nexport const brute = new ExpressBrute(new ExpressBrute.MemoryStore(), { freeRetries: 5 });",
    errors: [error('expressBrute', '`ExpressBrute.MemoryStore`', 2, 39)],
  },
  // graphql-subscriptions and re-exports
  {
    code: "import { PubSub } from 'graphql-subscriptions';\nexport const pubsub = new PubSub();",
    errors: [error('graphqlPubSub', '`new PubSub()`', 2, 23)],
  },
  {
    code: "const { PubSub } = require('graphql-subscriptions');\nconst pubsub = new PubSub({ eventEmitter: new EventEmitter() });\nmodule.exports = { pubsub };",
    errors: [error('graphqlPubSub', '`new PubSub()`', 2, 16)],
  },
  {
    code: "const { ApolloServer, PubSub } = require('apollo-server');\nconst pubsub = new PubSub();",
    errors: [error('graphqlPubSub', '`new PubSub()`', 2, 16)],
  },
  {
    code: "import { PubSub } from 'graphql-subscriptions';\n@Module({ providers: [{ provide: 'PUB_SUB', useValue: new PubSub() }] })\nexport class PubSubModule {}",
    parsers: ['ts'],
    errors: [error('graphqlPubSub', '`new PubSub()`', 2, 55)],
  },
  // graphql-yoga createPubSub
  {
    code: "import { createPubSub } from 'graphql-yoga';\nexport const pubSub = createPubSub();",
    errors: [error('yogaPubSub', '`createPubSub()` without `eventTarget`', 2, 23)],
  },
  {
    code: "import { createPubSub } from '@graphql-yoga/subscription';\nexport const pubSub = createPubSub<{ 'user:created': [User] }>({});",
    parsers: ['ts'],
    errors: [error('yogaPubSub', '`createPubSub()` without `eventTarget`', 2, 23)],
  },
  {
    code: "const { createPubSub } = require('@graphql-yoga/node');\nconst pubSub = createPubSub();",
    errors: [error('yogaPubSub', '`createPubSub()` without `eventTarget`', 2, 16)],
  },
  // mercurius
  {
    code: "import mercurius from 'mercurius';\napp.register(mercurius, { schema, resolvers, subscription: true });",
    errors: [error('mercurius', 'mercurius `subscription: true`', 2, 46)],
  },
  {
    code: "const mercurius = require('mercurius');\napp.register(mercurius, {\n  schema,\n  subscription: { onConnect: () => true, context: (conn, req) => ({ user: req.user }) },\n});",
    errors: [error('mercurius', 'mercurius `subscription` without `emitter` or `pubsub`', 4, 3)],
  },
  {
    code: "const mercurius = require('mercurius');\nconst mq = require('mqemitter');\nconst emitter = mq();\napp.register(mercurius, { schema, subscription: { emitter } });",
    errors: [error('mercurius', 'mercurius `subscription.emitter` from mqemitter', 4, 51)],
  },
  {
    code: "import { GraphQLModule } from '@nestjs/graphql';\nimport { MercuriusDriver } from '@nestjs/mercurius';\nexport const graphql = GraphQLModule.forRoot({ driver: MercuriusDriver, autoSchemaFile: true, subscription: true });",
    errors: [error('mercurius', 'mercurius `subscription: true`', 3, 95)],
  },
  // @nestjs/throttler
  {
    code: "import { Module } from '@nestjs/common';\nimport { ThrottlerModule } from '@nestjs/throttler';\n@Module({ imports: [ThrottlerModule.forRoot([{ ttl: 60000, limit: 10 }])] })\nexport class AppModule {}",
    parsers: ['ts'],
    errors: [error('nestThrottler', '`ThrottlerModule.forRoot()` without `storage`', 3, 21)],
  },
  {
    code: "const { ThrottlerModule } = require('@nestjs/throttler');\nconst throttler = ThrottlerModule.forRoot({ ttl: 60, limit: 10 });",
    errors: [error('nestThrottler', '`ThrottlerModule.forRoot()` without `storage`', 2, 19)],
  },
  {
    code: "import { ThrottlerModule } from '@nestjs/throttler';\nexport const throttler = ThrottlerModule.forRootAsync({\n  inject: [ConfigService],\n  useFactory: (config) => [{ ttl: config.get('THROTTLE_TTL'), limit: config.get('THROTTLE_LIMIT') }],\n});",
    errors: [error('nestThrottler', '`ThrottlerModule.forRootAsync()` without `storage`', 2, 26)],
  },
  {
    code: "import { ThrottlerModule } from '@nestjs/throttler';\nexport const throttler = ThrottlerModule.forRootAsync({\n  useFactory: async (config) => {\n    const ttl = config.get('TTL');\n    return { throttlers: [{ ttl, limit: 10 }], errorMessage: 'slow down' };\n  },\n});",
    errors: [error('nestThrottler', '`ThrottlerModule.forRootAsync()` without `storage`', 2, 26)],
  },
  // hono-rate-limiter, koa-ratelimit, koa2-ratelimit
  {
    code: "import { rateLimiter } from 'hono-rate-limiter';\napp.use(rateLimiter({ windowMs: 15 * 60 * 1000, limit: 100, keyGenerator: (c) => c.req.header('x-forwarded-for') ?? '' }));",
    errors: [error('honoRateLimiter', '`rateLimiter()` without `store`', 2, 9)],
  },
  {
    code: "const ratelimit = require('koa-ratelimit');\napp.use(ratelimit({ driver: 'memory', db: new Map(), duration: 60000, max: 100 }));",
    errors: [error('koaRateLimit', "koa-ratelimit `driver: 'memory'`", 2, 21)],
  },
  // more import forms
  {
    code: "import * as rateLimit from 'express-rate-limit';\nexport default rateLimit({ windowMs: 60000, max: 100 });",
    parsers: ['ts'],
    errors: [error('expressRateLimit', RATE_LIMIT, 2, 16)],
  },
  {
    code: "import { default as limit } from 'express-rate-limit';\nexport const limiter = limit({ windowMs: 1000 });",
    errors: [error('expressRateLimit', RATE_LIMIT, 2, 24)],
  },
  {
    code: "const { RateLimiterMemory } = await import('rate-limiter-flexible');\nexport const limiter = new RateLimiterMemory({ points: 5 });",
    parsers: ['esm', 'ts'],
    errors: [error('rateLimiterFlexible', '`RateLimiterMemory`', 2, 24)],
  },
  {
    code: "const flexible = require('rate-limiter-flexible');\nconst Memory = flexible.RateLimiterMemory;\nmodule.exports.limiter = new Memory({ points: 5 });",
    errors: [error('rateLimiterFlexible', '`RateLimiterMemory`', 3, 26)],
  },
  {
    code: "import rateLimit from 'express-rate-limit';\nexport class Limits {\n  login = rateLimit({ windowMs: 60000, limit: 5 });\n}",
    errors: [error('expressRateLimit', RATE_LIMIT, 3, 11)],
  },
  {
    code: "import { ThrottlerModule } from '@nestjs/throttler';\nfunction throttlerOptions(config) { return [{ ttl: config.get('TTL'), limit: 10 }]; }\nexport const throttler = ThrottlerModule.forRootAsync({ useFactory: throttlerOptions });",
    errors: [error('nestThrottler', '`ThrottlerModule.forRootAsync()` without `storage`', 3, 26)],
  },
  {
    code: "import { ThrottlerModule } from '@nestjs/throttler';\nexport const throttler = ThrottlerModule.forRoot();",
    errors: [error('nestThrottler', '`ThrottlerModule.forRoot()` without `storage`', 2, 26)],
  },
  {
    code: "const { Stores, RateLimit } = require('koa2-ratelimit');\nconst limiter = RateLimit.middleware({ interval: { min: 15 }, max: 100, store: new Stores.Memory() });",
    errors: [error('koaRateLimit', '`Stores.Memory`', 2, 80)],
  },
  {
    code: "import { webSocketLimiter } from 'hono-rate-limiter';\nexport const wsLimiter = webSocketLimiter({ windowMs: 1000, limit: 10, keyGenerator });",
    errors: [error('honoRateLimiter', '`webSocketLimiter()` without `store`', 2, 26)],
  },
  {
    code: "import { RateLimiterMemory } from 'rate-limiter-flexible';\nexport const limiter = process.env.NODE_ENV === 'production' ? new RateLimiterMemory({ points: 5 }) : undefined;",
    errors: [error('rateLimiterFlexible', '`RateLimiterMemory`', 2, 64)],
  },
  {
    code: "import { Server } from 'socket.io';\nconst io = new Server(httpServer, { transports: ['websocket'] });\nio.to('room').emit('update');",
    options: STRICT,
    errors: [error('socketIoAdapter', undefined, 2, 12)],
  },
  // allowStores does not hide other stores
  {
    code: "import { RateLimiterMemory } from 'rate-limiter-flexible';\nexport const limiter = new RateLimiterMemory({ points: 5 });",
    options: [{ allowStores: ['RateLimiterCluster'] }],
    errors: [error('rateLimiterFlexible', '`RateLimiterMemory`', 2, 24)],
  },
  // socket.io, strict only
  {
    code: "import { Server } from 'socket.io';\nconst io = new Server(httpServer, { cors: { origin: '*' } });\nio.on('connection', (socket) => socket.join('room'));",
    options: STRICT,
    errors: [error('socketIoAdapter', undefined, 2, 12)],
  },
  {
    code: "const io = require('socket.io')(server);\nio.on('connection', (socket) => io.emit('joined', socket.id));",
    options: STRICT,
    errors: [error('socketIoAdapter', undefined, 1, 12)],
  },
  {
    code: "const { Server } = require('socket.io');\nconst { createAdapter } = require('@socket.io/cluster-adapter');\nconst io = new Server(server);\nio.adapter(createAdapter());",
    options: STRICT,
    errors: [error('socketIoClusterAdapter', undefined, 4, 12)],
  },
  // `register` behind a TS wrapper or an optional chain is collected too.
  {
    code: "import rateLimit from '@fastify/rate-limit';\nawait (fastify.register as any)(rateLimit, { max: 100 });\nawait fastify.register!(rateLimit, { max: 50 });",
    parsers: ['ts'],
    errors: [
      error('fastifyRateLimit', '`@fastify/rate-limit` registered without `redis` or `store`', 2, 7),
      error('fastifyRateLimit', '`@fastify/rate-limit` registered without `redis` or `store`', 3, 7),
    ],
  },
  {
    code: "fastify?.register(require('fastify-rate-limit'), { max: 100 });",
    errors: [error('fastifyRateLimit', '`fastify-rate-limit` registered without `redis` or `store`', 1, 1)],
  },
];

runRuleTests('no-process-local-store', rule, { valid, invalid });
