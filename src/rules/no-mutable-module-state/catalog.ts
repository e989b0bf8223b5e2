/**
 * What `no-mutable-module-state` knows about when a function runs and what a value is, as data.
 * Sources: Express 5 `lib/application.js` and router methods (`methods` package), Node.js
 * `process` signal and `net.Server`/`EventEmitter` events, Fastify `docs/Reference/Hooks.md`
 * (application vs request hooks), NestJS `@nestjs/common` decorators and life-cycle interfaces
 * (`OnModuleInit`, `OnApplicationShutdown`, ...), the Socket.IO and `ws` connection events, and
 * the client constructors of `ioredis`, `redis`, `pg`, `mysql2`, `mongodb`, `amqplib`, `kafkajs`.
 */

/** Methods that register their function argument as a route or middleware: it runs once per request. */
export const ROUTE_METHODS: ReadonlySet<string> = new Set([
  'all',
  'del',
  'delete',
  'get',
  'head',
  'options',
  'patch',
  'post',
  'put',
  'use',
  'ws',
]);

/** HTTP clients whose `get(url, fn)` makes a request instead of serving one. */
export const HTTP_CLIENT_NAMES: ReadonlySet<string> = new Set(['axios', 'got', 'http', 'http2', 'https', 'needle', 'request', 'superagent']);

/** Methods that register an event listener: `(event, listener)`. */
export const LISTENER_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'addEventListener', 'addListener', 'prependListener', 'prependOnceListener']);

/**
 * Events that belong to the life cycle of the process, a server or a connection to a backing
 * service rather than to a request: signals, exit, listen and close, connect and reconnect.
 */
export const LIFE_CYCLE_EVENTS: ReadonlySet<string> = new Set([
  'SIGBREAK',
  'SIGHUP',
  'SIGINT',
  'SIGQUIT',
  'SIGTERM',
  'SIGUSR1',
  'SIGUSR2',
  'beforeExit',
  'blocked',
  'close',
  'connect',
  'connected',
  'disconnect',
  'disconnected',
  'drain',
  'end',
  'error',
  'exit',
  'listening',
  'online',
  'open',
  'ready',
  'reconnect',
  'reconnected',
  'reconnecting',
  'shutdown',
  'unblocked',
  'uncaughtException',
  'unhandledRejection',
  'warning',
]);

/** Names a Socket.IO server or namespace goes by: on them `'connect'` is the alias of `'connection'`. */
export const SOCKET_IO_SERVER_NAMES: ReadonlySet<string> = new Set(['io', 'namespace', 'nsp']);

/** Events that hand a new connection to the listener: the connection is request data, its bookkeeping is not. */
export const CONNECTION_EVENTS: ReadonlySet<string> = new Set(['connection', 'upgrade']);

/** Fastify application hooks (`fastify.addHook(name, fn)`): they run while the server starts or stops. Every other hook runs per request. */
export const APPLICATION_HOOKS: ReadonlySet<string> = new Set(['onClose', 'onListen', 'onReady', 'onRegister', 'onRoute', 'preClose']);

/** Methods whose function argument runs while a server starts: `server.listen(port, fn)`, Fastify `ready(fn)`, `after(fn)`, `register(plugin)`. */
export const START_UP_CALLBACK_METHODS: ReadonlySet<string> = new Set(['after', 'listen', 'ready', 'register']);

/** Calls whose function argument runs again and again after start-up: a recurring job is run-time code like a request. */
export const RECURRING_CALLBACKS: ReadonlySet<string> = new Set(['consume', 'define', 'process', 'schedule', 'scheduleJob', 'setInterval', 'subscribe']);

/** Keys of a route or hook object whose function runs per request (`fastify.route({ handler })`, GraphQL `resolve`). */
export const REQUEST_PROPERTY_KEYS: ReadonlySet<string> = new Set([
  'eachBatch',
  'eachMessage',
  'handler',
  'onRequest',
  'onResponse',
  'onSend',
  'preHandler',
  'preParsing',
  'preSerialization',
  'preValidation',
  'resolve',
  'subscribe',
]);

/** GraphQL resolver maps: every function below these keys is a resolver. */
export const RESOLVER_MAP_KEYS: ReadonlySet<string> = new Set(['Mutation', 'Query', 'Subscription', 'resolvers']);

/**
 * Parameter names that make a function a request handler: Express `(req, res)`, Fastify
 * `(request, reply)`, hapi `(request, h)`. A lone `res` is not one: `https.get(url, (res) => ...)`
 * receives the response of a call this process made.
 */
export const REQUEST_PARAMETERS: ReadonlySet<string> = new Set(['req', 'request']);
export const RESPONSE_PARAMETERS: ReadonlySet<string> = new Set(['h', 'reply', 'res', 'response']);

/** NestJS method decorators whose method runs per request, message, event or job. */
export const REQUEST_DECORATORS: ReadonlySet<string> = new Set([
  'All',
  'Cron',
  'Delete',
  'EventPattern',
  'Get',
  'Head',
  'Interval',
  'MessagePattern',
  'Mutation',
  'OnEvent',
  'Options',
  'Patch',
  'Post',
  'Process',
  'Put',
  'Query',
  'ResolveField',
  'SubscribeMessage',
  'Subscription',
]);

/**
 * Names of functions that configure, start or stop something. The set-up words count as the whole
 * name or its first word (`initDb`, `setupRoutes`, `configureLogger`); the start and stop verbs only
 * alone or before the name of a piece of infrastructure (`start`, `startServer`, `closePool`,
 * `connectRedis`), since `startCheckout`, `closeAuction` and `connectUser` are requests. `register`
 * and `add` are left out on purpose: `registerUser` and `addUser` are the classic in-memory store.
 */
export const START_UP_NAME = new RegExp(
  `^(?:(?:${[
    'beforeApplicationShutdown',
    'boot',
    'bootstrap',
    'configure',
    'create(?:App|Application|Server)',
    'init',
    'initialise',
    'initialize',
    'install',
    'main',
    'on(?:Application|Module)[A-Z]\\w*',
    'on(?:Close|Exit|Init|Listen|Ready|Shutdown|Start|Stop)',
    'setup',
    'setUp',
    'shutdown',
    'startup',
    'teardown',
    'tearDown',
  ].join('|')})(?:$|[A-Z0-9_$])|(?:load|preload|register|set|warm|warmUp)(?:Caches?|Catalogs?|Commands|Config|Configuration|Defaults?\\w*|Fixtures|Handlers|Helpers|Hooks|Locales|Middlewares?|Models|Options|Partials|Plugins|Providers|Routes|Schemas|Settings|Strategies|Templates|Translations|Up)$|(?:${[
    'close',
    'connect',
    'destroy',
    'disconnect',
    'dispose',
    'listen',
    'reconnect',
    'start',
    'stop',
    'terminate',
    'use',
  ].join('|')})(?:All|App|Application|Broker|Cache|Client|Clients|Connection|Connections|Consumer|Consumers|Cron|Database|Db|Jobs?|Listener|Listeners|Mongo|Poller|Pool|Producer|Queue|Queues|Redis|Scheduler|Server|Servers|Service|Services|Sweeper|Timer|Timers|Watcher|Worker|Workers)?$)`,
  'u',
);

/** Constructors and factories of clients, pools and servers: a value made by one is a handle, not data. */
export const HANDLE_NAME =
  /(?:Agent|Client|Cluster|Connection|Consumer|CronJob|Database|Db|Knex|Mongo|Octokit|Pool|Producer|Queue|QueueEvents|Redis|Sequelize|Server|Socket|Stripe|Transport|Worker)$|^(?:amqp|connect|createChannel|createClient|createConnection|createPool|createServer|createTransport|duplicate|getConnection|io|knex|listen|redis|schedule|scheduleJob|twilio)$/u;

/** Constructors of containers that start empty when given no argument. */
export const EMPTY_CONTAINER_CONSTRUCTORS: ReadonlySet<string> = new Set(['Array', 'Map', 'Object', 'Set', 'WeakMap', 'WeakSet']);

/** Methods that return the handle they are called on: `setInterval(fn, ms).unref()`, `createClient().on('error', log)`. */
export const CHAINING_HANDLE_METHODS: ReadonlySet<string> = new Set(['on', 'once', 'ref', 'unref']);

/** Timer functions: what they return is a handle of a job this process runs. */
export const TIMER_FUNCTIONS: ReadonlySet<string> = new Set(['setImmediate', 'setInterval', 'setTimeout']);

/** Names of values that are live connections: sockets, peers, a server-sent-events response. */
export const CONNECTION_NAME = /^(?:client|conn|connection|peer|res|response|socket|stream|ws|websocket)$|Socket$|Connection$/iu;

/** Names of values that are functions handed in to be called back: a registry of them is code, not data. */
export const LISTENER_NAME = /^(?:callback|cb|fn|handler|hook|listener|middleware|mw|plugin)$|(?:Callback|Handler|Hook|Listener|Middleware|Plugin)$/u;

/** Promise methods whose result, assigned back to the same variable, queues work behind earlier work: an in-process lock. */
export const CHAIN_METHODS: ReadonlySet<string> = new Set(['catch', 'finally', 'then']);

/**
 * Names of state that holds one user's or one request's data (`currentUser`, `lastRequest`,
 * `session`): replacing it is never configuration, whoever calls the function.
 */
export const REQUEST_DATA_NAME = /^(?:active|current|last|latest)?(?:Account|Basket|Cart|Customer|Req|Request|Session|User|Visitor)s?$/iu;

/** Where NestJS decorators are imported from (`@nestjs/common`, `@nestjs/graphql`, `@nestjs/websockets`). */
export const NEST_PACKAGE_PREFIX = '@nestjs/';

/** NestJS class decorators whose class Nest instantiates once per application by default (`Scope.DEFAULT`). */
export const NEST_PROVIDER_DECORATORS: ReadonlySet<string> = new Set(['Controller', 'Injectable', 'Resolver', 'WebSocketGateway']);

/** NestJS scopes that give each request (or each consumer) its own instance. */
export const NEST_PER_REQUEST_SCOPES: ReadonlySet<string> = new Set(['REQUEST', 'TRANSIENT']);

/**
 * Class names that say the class keeps its data in the process's memory (`InMemoryTodoRepository`,
 * `MemoryStore`, `LocalSessionCache`): wherever it is instantiated, its instance is the store.
 */
export const IN_MEMORY_STORE_NAME = /^(?:InMemory|Memory|Local)\w*(?:Cache|Database|Db|Repository|Repo|Store)$/u;

/**
 * Packages whose classes keep a cache in the process's memory and are used like a `Map` (`set`,
 * `delete`, `clear`): `lru-cache` (`new LRUCache()`), `quick-lru`, `node-cache`, `@isaacs/ttlcache`,
 * `tiny-lru`, `mnemonist` (`LRUMap`). Any class imported from them counts.
 */
export const IN_MEMORY_CACHE_PACKAGES: ReadonlySet<string> = new Set(['@isaacs/ttlcache', 'lru-cache', 'mnemonist', 'node-cache', 'quick-lru', 'tiny-lru']);
