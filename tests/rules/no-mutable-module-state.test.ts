import rule, { type Options } from '../../src/rules/no-mutable-module-state.js';
import { runRuleTests, type Invalid, type Valid } from '../rule-tester.js';

type MessageIds = 'reassigned' | 'mutated' | 'globalWritten' | 'staticMutated' | 'importMutated' | 'instanceMutated' | 'moveIntoFunction';
type ExpectedError = Invalid<MessageIds, Options>['errors'][number];

/** An expected report: `declared` is the declaration line named in the message (none for the global object). */
function error(messageId: MessageIds, line: number, column: number, name: string, declared?: number): ExpectedError {
  return { messageId, line, column, data: declared === undefined ? { name } : { name, line: declared } };
}

const valid: Valid<Options>[] = [
  // module body writes
  { code: `let count = 0;
count++;
const list = [];
list.push(1);
const users = new Map();
users.set("root", {});
for (const x of [1, 2]) list.push(x);
if (process.env.X) { count = 2; }` },
  // top-level IIFE, arrow IIFE and .call IIFE
  { code: `const routes = [];
(function () { routes.push("a"); })();
(() => { routes.push("b"); })();
(function () { routes.push("c"); }).call(this);` },
  // async IIFE behind void
  { code: `const cache = new Map();
void (async () => {
  cache.set("config", await loadConfig());
})();` },
  // static block and static field initialiser
  { code: `const registry = new Set();
class Plugin {
  static { registry.add(Plugin); }
  static id = registry.add("id");
}` },
  // synchronous array callbacks at top level
  { code: `const handlers = {};
['get', 'post'].forEach((method) => { handlers[method] = []; });
const names = Object.keys(handlers).map((name) => { handlers[name].push(name); return name; });` },
  // promise callback of a start-up call
  { code: `let db;
MongoClient.connect(url).then((client) => { db = client.db(); });
export const users = () => db.collection("users");` },
  // promise executor at top level
  { code: `const waiters = [];
const ready = new Promise((resolve) => { waiters.push(resolve); });` },
  // function only called while the module loads
  { code: `let config;
const plugins = [];
function init() { config = loadConfig(); plugins.push(...config.plugins); }
init();` },
  // async main awaited at top level
  { code: `let server;
async function main() { server = await start(); }
await main();
export const address = () => server.address();` },
  // main() with a catch handler
  { code: `const jobs = [];
const main = async () => { jobs.push(await loadJobs()); };
main().catch(console.error);` },
  // module.exports and exports written at load time
  { code: `exports.a = 1;
module.exports.b = 2;
module.exports = { c: 3 };` },
  // globalThis written at load time
  { code: `globalThis.fetch = customFetch;
global.__root = __dirname;
if (process.env.NODE_ENV !== "production") globalThis.prisma = prisma;` },
  // parameters shadowing module names
  { code: `let count = 0;
const users = new Map();
export function f(count, users) { count++; users.set(1, 2); }
export const read = () => count;` },
  // locals shadowing module names
  { code: `const cache = new Map();
export function f() { const cache = new Map(); cache.set(1, 2); let n = 0; n++; return cache; }
export { cache };` },
  // closure over a function local (makeCounter)
  { code: `function makeCounter() {
  let count = 0;
  const seen = [];
  return () => { seen.push(count); return count++; };
}
export const counter = makeCounter();` },
  // class declared inside a factory function
  { code: `export function makeStore() {
  class Store { static items = []; add(x) { Store.items.push(x); } }
  return new Store();
}` },
  // a state object created per call
  { code: `export function handle(req) {
  const state = { users: {}, list: [] };
  state.users[req.id] = req.user;
  state.list.push(req.id);
  return state;
}` },
  // catch parameter and loop variables
  { code: `let error;
export function f(items) { try { run(); } catch (error) { error.handled = true; } for (let i = 0; i < items.length; i++) {} }
export const last = () => error;` },
  // a counter made by a factory and kept at module level
  { code: `function makeCounter() {
  let count = 0;
  return () => ++count;
}
export const nextId = makeCounter();
export function handler() { return makeCounter()(); }` },
  // a factory of per-instance state
  { code: `function createStore() {
  const items = new Map();
  return { add: (k, v) => items.set(k, v), get: (k) => items.get(k) };
}
module.exports = { store: createStore() };` },
  // helper function called with module state at load time only
  { code: `const routes = [];
function register(list, route) { list.push(route); }
register(routes, '/a');
['/b', '/c'].forEach((route) => register(routes, route));
module.exports = routes;` },
  // helper function that only reads its parameter
  { code: `const users = new Map();
function count(map) { return map.size; }
function find(map, id) { return map.get(id); }
export function handler(id) { return [count(users), find(users, id)]; }` },
  // helper function given a copy
  { code: `const users = new Map();
function add(map, user) { map.set(user.id, user); return map; }
export function handler(user) { return add(new Map(users), user); }
export { users };` },
  // instance fields and this in methods
  { code: `export class Service {
  items = new Map();
  count = 0;
  add(k, v) { this.items.set(k, v); this.count++; this.last = k; }
  static create() { return new Service(); }
}` },
  // this in a function-style constructor
  { code: `function Queue() { this.items = []; }
Queue.prototype.add = function (x) { this.items.push(x); };
module.exports = Queue;` },
  // instance arrow field
  { code: `export class Handler {
  seen = new Set();
  handle = (id) => { this.seen.add(id); };
}` },
  // chains that start from a copy
  { code: `const base = [3, 1, 2];
const defaults = { a: 1 };
const index = new Map();
export function f(extra) {
  [...base].sort();
  Object.assign({}, defaults, extra);
  new Map(index).set("k", 1);
  base.slice().pop();
  base.concat(extra).reverse();
  Array.from(base).push(4);
  ({ ...defaults }).a = 2;
  return base.filter(Boolean).sort();
}` },
  // a copy assigned to a local first
  { code: `const list = [];
export function f(x) { const copy = [...list]; copy.push(x); const clone = structuredClone(list); clone.push(x); return copy; }
export { list };` },
  // non-mutating methods
  { code: `const list = [3, 1];
const users = new Map();
const ids = new Set();
export function f(x) {
  list.toSorted(); list.toReversed(); list.with(0, x); list.concat(x); list.map(String); list.at(-1); list.includes(x);
  users.get(x); users.has(x); users.forEach(console.log); ids.has(x); [...ids.values()];
  return list.indexOf(x);
}` },
  // copies of elements
  { code: `const users = new Map();
export function f(id) { const user = { ...users.get(id) }; user.seen = true; return user; }
export { users };` },
  // Redis client
  { code: `import Redis from 'ioredis';
const redis = new Redis(process.env.REDIS_URL);
export async function save(key, value) { await redis.set(key, value); await redis.del('x'); redis.push?.(1); }` },
  // logger, router and app in functions
  { code: `const express = require('express');
const pino = require('pino');
const logger = pino();
const app = express();
const router = express.Router();
function setup() { app.use(router); router.get('/', handler); logger.info('ready'); app.set('trust proxy', 1); }
function handler(req, res) { logger.child({ id: req.id }).info('hit'); res.end(); }
module.exports = setup;` },
  // a cache library that is not an in-memory one (a Redis-backed cache manager)
  { code: `import { caching } from 'cache-manager';
const cache = await caching(redisStore);
export async function get(key) { await cache.set(key, 1); await cache.del(key); return cache.get(key); }` },
  // a store built by an unknown function
  { code: `const store = createStore();
export function add(x) { store.push(x); store.set("k", x); store.add(x); }` },
  // queue and pool objects
  { code: `const queue = new Queue('jobs');
const pool = new Pool();
export async function enqueue(job) { await queue.add(job); const c = await pool.connect(); c.release(); }` },
  // a member of a container holding a client
  { code: `const clients = { redis: new Redis() };
export async function f(k) { await clients.redis.set(k, 1); await clients.redis.del(k); }` },
  // method calls on imports
  { code: `import config from './config.js';
import * as cache from './cache.js';
import { users } from './users.js';
export function f(k, v) { config.set(k, v); cache.put(k, v); users.delete(k); }` },
  // method calls on require bindings
  { code: `const store = require('./store');
const { sessions } = require('./sessions');
module.exports = function (req) { store.add(req.id); sessions.set(req.id, req.user); };` },
  // reading imported objects
  { code: `import config from './config.js';
export function f(local) { local[config.key] = config.value; return config.port + 1; }` },
  // frozen object
  { code: `const LIMITS = Object.freeze({ max: 10 });
export function f() { LIMITS.max = 11; delete LIMITS.max; return LIMITS.max; }` },
  // as const literal
  { code: `const ROLES = ['admin', 'user'] as const;
const DEFAULTS = { retries: 3, hosts: ['a'] } as const;
export function f(): number { return ROLES.length + DEFAULTS.hosts.length; }`, parsers: ['ts'] },
  // module bindings only read or used as keys
  { code: `const ROUTES = { home: "/" };
const KEY = "user";
const cache = new Map();
export function f(local, req) {
  local[KEY] = req.user;
  local[ROUTES.home] = 1;
  const copy = {};
  copy[cache.size] = cache.get(KEY);
  return ROUTES[req.page] ?? cache.has(KEY);
}` },
  // module state passed to a function
  { code: `const users = new Map();
export function f(user) { save(users, user); return render([...users.values()]); }` },
  // a const reassigned is a runtime error, not state
  { code: `const limit = 10;
export function f() { return limit; }` },
  // declarations only
  { code: `export let current;
export const registry = new Map();
export var counter = 0;` },
  // type-only references
  { code: `const sessions = new Map<string, number>();
export type Sessions = typeof sessions;
export function size(s: typeof sessions): number { return s.size; }`, parsers: ['ts'] },
  // ambient global declaration
  { code: `declare global { var prisma: unknown; }
export function db(): unknown { return globalThis.prisma; }`, parsers: ['ts'] },
  // nullish and logical OR assignment
  { code: `let client;
let pool;
export function getClient() { return client ??= createClient(); }
export function getPool() { pool ||= createPool(); return pool; }` },
  // if (!x) x = create()
  { code: `let redis;
export function getRedis() { if (!redis) redis = new Redis(); return redis; }` },
  // if (x == null) { ... }
  { code: `let db = null;
export function getDb() {
  if (db == null) {
    db = connect();
    db.on("error", console.error);
  }
  return db;
}` },
  // === undefined, === null and typeof checks
  { code: `let a;
let b = null;
let c;
export function f() {
  if (a === undefined) a = make();
  if (null === b) { b = make(); }
  if (typeof c === "undefined") c = make();
  return [a, b, c];
}` },
  // missing check combined with another condition by &&
  { code: `let client;
export function get() { if (!client && process.env.URL) client = create(process.env.URL); return client; }` },
  // early return
  { code: `let instance = null;
export async function getInstance() {
  if (instance) return instance;
  const options = await loadOptions();
  instance = await create(options);
  return instance;
}` },
  // early return in a block, assignment inside try
  { code: `let conn;
export async function connection() {
  if (conn !== undefined) { return conn; }
  try { conn = await open(); } catch (error) { throw new Error("no db", { cause: error }); }
  return conn;
}` },
  // return x || (x = create())
  { code: `let parser;
export const getParser = () => parser || (parser = buildParser());
let other;
export function getOther() { return other ?? (other = buildOther()); }` },
  // x = x || create() and the ternary form
  { code: `let a;
let b;
export function f() { a = a || create(); b = b ? b : create(); return [a, b]; }` },
  // present check with the creation in the else branch
  { code: `let client;
export function get() { if (client) { return client; } else { client = create(); } return client; }` },
  // lazy singleton reset to null on close
  { code: `let pool = null;
export function getPool() { if (!pool) pool = createPool(); return pool; }
export async function close() { await pool?.end(); pool = null; }` },
  // lazy promise with a retry reset
  { code: `let connecting;
export function connect() {
  if (!connecting) connecting = open().catch((error) => { connecting = undefined; throw error; });
  return connecting;
}` },
  // globalThis singleton (Prisma)
  { code: `export function db() { return globalThis.prisma ??= new PrismaClient(); }
export function db2() { if (!globalThis.redis) globalThis.redis = new Redis(); return globalThis.redis; }` },
  // global singleton kept across hot reloads
  { code: `function connect() { global.__db = global.__db || createDb(); return global.__db; }
module.exports = connect;` },
  // TypeScript Prisma pattern
  { code: `const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma = globalForPrisma.prisma ?? new PrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;
export function get(): PrismaClient { return ((globalThis as any).prisma ??= new PrismaClient()); }`, parsers: ['ts'] },
  // mongoose cached connection (Next.js pattern)
  { code: `let cached = global.mongoose;
if (!cached) { cached = global.mongoose = { conn: null, promise: null }; }
async function dbConnect() {
  if (cached.conn) { return cached.conn; }
  if (!cached.promise) { cached.promise = mongoose.connect(process.env.URI); }
  cached.conn = await cached.promise;
  return cached.conn;
}
module.exports = dbConnect;` },
  // static singleton
  { code: `export class Db {
  static instance;
  static get() { if (!Db.instance) Db.instance = new Db(); return Db.instance; }
  static get2() { return this.instance ??= new Db(); }
  static get3() { if (this.instance) return this.instance; this.instance = new Db(); return this.instance; }
}` },
  // TypeScript private static singleton
  { code: `export class Config {
  private static instance?: Config;
  static load(): Config {
    if (!Config.instance) {
      Config.instance = new Config();
    }
    return Config.instance;
  }
}`, parsers: ['ts'] },
  // lazy member with a static key on a container
  { code: `const clients = {};
export function main() { return clients.main ??= connect("main"); }
export function replica() { if (!clients.replica) clients.replica = connect("replica"); return clients.replica; }` },
  // lazy init on an imported object with a static key
  { code: `import state from './state.js';
export function db() { return state.db ??= connect(); }` },
  // Lambda handler reusing its connection
  { code: `let cachedDb = null;
exports.handler = async (event) => {
  if (cachedDb) return query(cachedDb, event);
  cachedDb = await connect();
  return query(cachedDb, event);
};` },
  // a function that replaces itself on first call
  { code: `var extendStatics = function (d, b) {
  extendStatics = Object.setPrototypeOf || ((d2, b2) => { d2.__proto__ = b2; });
  return extendStatics(d, b);
};
module.exports = (d, b) => extendStatics(d, b);` },
  // global singleton under a registered symbol
  { code: `const KEY = Symbol.for('app.db');
export function db() { return globalThis[Symbol.for('app.db')] ??= connect(); }
export { KEY };` },
  // a decorator of another framework (Angular's @Injectable lives in the browser), or none
  { code: `import { Injectable } from '@angular/core';
@Injectable()
export class UsersService {
  private readonly users: User[] = [];
  create(user: User): User { this.users.push(user); return user; }
}`, parsers: ['ts'] },
  // Nest providers with a per-request scope, an injected client, and a registry filled in onModuleInit
  { code: `import { Inject, Injectable, OnModuleInit, Scope } from '@nestjs/common';
@Injectable({ scope: Scope.REQUEST })
export class RequestContext {
  private readonly items: string[] = [];
  add(item: string) { this.items.push(item); }
}
@Injectable()
export class Handlers implements OnModuleInit {
  private readonly registry = new Map<string, () => void>();
  constructor(@Inject('CACHE') private readonly cache: Map<string, string>) {}
  onModuleInit() { this.registry.set('ping', () => undefined); }
  remember(key: string, value: string) { this.cache.set(key, value); }
}`, parsers: ['ts'] },
  // an exported class: every caller makes its own instances
  { code: `export class Basket {
  items = new Map();
  add(id) { this.items.set(id, (this.items.get(id) ?? 0) + 1); }
}` },
  // a function declaration that replaces itself (Babel helper)
  { code: `function _typeof(o) {
  return (_typeof = typeof Symbol === "function" ? (x) => typeof x : (x) => String(x)), _typeof(o);
}
module.exports = _typeof;` },
  // once-guard flag
  { code: `let initialised = false;
let client;
export function init() {
  if (initialised) return client;
  initialised = true;
  client = createClient();
  return client;
}
export function init2() {
  if (!initialised) {
    initialised = true;
    client = createClient();
  }
}` },
  // resetting a shared regular expression
  { code: "const WORD = /\\w+/g;\nconst SPACE = new RegExp(\"\\\\s+\", \"g\");\nexport function count(text) {\n  WORD.lastIndex = 0;\n  SPACE.lastIndex = 0;\n  let n = 0;\n  while (WORD.exec(text)) n++;\n  return n;\n}" },
  // WeakMap of private instance data
  { code: `const internal = new WeakMap();
const tracked = new WeakSet();
export class Matcher {
  constructor(pattern) {
    internal.set(this, { pattern });
    tracked.add(this);
  }
  get pattern() { return internal.get(this).pattern; }
}` },
  // shadowed global object names
  { code: `export function f(window) { window.x = 1; }
export function g() { const globalThis = {}; globalThis.x = 1; const self = this; self.y = 2; }` },
  // reading the global object
  { code: `export function f() { return globalThis.fetch(globalThis.location ?? global.URL); }` },
  // checkGlobalThis: false
  { code: `export function f(v) { globalThis.value = v; global.other = v; delete globalThis.old; }`, options: [{ checkGlobalThis: false }] },
  // checkGlobalThis: false also covers aliases
  { code: `const root = globalThis;
export function f(v) { root.value = v; }`, options: [{ checkGlobalThis: false }] },
  // allow with a wildcard
  { code: `const metricsRegistry = new Map();
let metricsCount = 0;
export function hit(k) { metricsRegistry.set(k, 1); metricsCount++; }
export { metricsRegistry };
export const read = () => metricsCount;`, options: [{ allow: ['metrics*'] }] },
  // allow an exact name
  { code: `const warmCache = new Map();
export function put(k, v) { warmCache.set(k, v); }
export { warmCache };`, options: [{ allow: ['warmCache'] }] },
  // allow class static state
  { code: `export class Registry {
  static items = new Map();
  static add(k, v) { Registry.items.set(k, v); this.items.delete("old"); }
}`, options: [{ allow: ['Registry.*'] }] },
  // allow a global property
  { code: `export function f(v) { globalThis.__testHook = v; }`, options: [{ allow: ['globalThis.__testHook'] }] },
  // allow an import
  { code: `import config from './config.js';
export function f() { config.debug = true; }`, options: [{ allow: ['config'] }] },
  // reading static state and calling unknown statics
  { code: `export class Conn {
  static instances = [];
  static pool = createPool();
  count() { return Conn.instances.length + this.constructor.instances.length; }
  static query(sql) { return this.pool.query(sql); }
}` },
  // static methods calling non-mutating methods
  { code: `export class Registry {
  static items = new Map();
  static get(k) { return this.items.get(k) ?? Registry.items.has(k); }
}` },

  // ---- per-process by nature (allowPerProcess, default true) ----
  // start-up configuration: an injector, init(), configure(), createServer()
  { code: `let settings;
let io;
exports.init = (s) => { settings = s; };
exports.setSocketIO = (server) => { io = server; };
exports.port = () => settings.port;` },
  { code: `const plugins = [];
const defaults = {};
export function configure(options) {
  plugins.push(...options.plugins);
  defaults[options.name] = options.value;
}` },
  { code: `let app;
export function createServer(handler) { app = handler; return app; }` },
  // a constructor of a load-time singleton fills a registry
  { code: `const registry = new Map();
class Registry {
  constructor() { registry.set('json', JSON); }
}
module.exports = new Registry();` },
  { code: `const defaults = {};
export default new (class {
  constructor() { defaults.level = 'info'; defaults.retries = 3; }
})();` },
  // life cycle: a SIGTERM flag, a close() reset, a listen callback, fastify and Nest hooks
  { code: `let state = 'starting';
export async function stop() { state = 'stopping'; }
process.on('SIGTERM', () => { state = 'draining'; });
server.on('close', () => { state = 'closed'; });
server.listen(3000, () => { state = 'running'; });` },
  { code: `let closing = false;
fastify.addHook('onClose', async () => { closing = true; });
fastify.addHook('onReady', async () => { closing = false; });` },
  { code: `let booted = 0;
export class AppService {
  onModuleInit() { booted++; }
}`, parsers: ['ts'] },
  // timer and server handles
  { code: `let sweeper;
function sweep() { sweeper = setTimeout(sweep, 60000); }
export function start() { sweep(); }
export function cancel() { clearTimeout(sweeper); sweeper = undefined; }` },
  { code: `let server;
export function run(app) { server = app.listen(0); }
app.get('/', (req, res) => res.send(String(server)));` },
  // in-process locks: a promise chain, a flag raised and lowered in one function
  { code: `let chain = Promise.resolve();
export function save(x) { chain = chain.then(() => write(x)); return chain; }
app.post('/save', (req, res) => { chain = chain.then(() => write(req.body)); res.end(); });` },
  { code: `let busy = false;
app.post('/sync', async (req, res) => {
  if (busy) return res.sendStatus(409);
  busy = true;
  try { await sync(); } finally { busy = false; }
  res.end();
});` },
  // connection bookkeeping: one client per key, the live sockets of this process, listeners
  { code: `const clients = {};
function client(type) { return clients[type] || (clients[type] = redis.createClient()); }
app.get('/', async (req, res) => res.send(await client('cache').get('k')));` },
  { code: `const pools = new Map();
app.get('/:tenant', (req, res) => {
  if (!pools.has(req.params.tenant)) pools.set(req.params.tenant, new Pool({ database: req.params.tenant }));
  res.end();
});` },
  { code: `const sockets = new Set();
wss.on('connection', (ws) => {
  sockets.add(ws);
  ws.on('close', () => sockets.delete(ws));
});` },
  { code: `const subscriptions = new Map();
export function subscribe(channel, handler) { subscriptions.set(channel, handler); }
export function unsubscribe(channel) { subscriptions.delete(channel); }` },
  // once-flags and a lazy load guarded by another variable
  { code: `let ready = false;
let index;
function prepare() { index = buildIndex(); ready = true; }
app.get('/search', (req, res) => {
  if (!ready) prepare();
  res.json(index.find(req.query.q));
});` },
  { code: `let collectionReady = false;
async function setUp(db) { await db.createCollection('c'); collectionReady = true; return db.collection('c'); }
app.get('/c', async (req, res) => {
  const collection = collectionReady ? req.db.collection('c') : await setUp(req.db);
  res.json(await collection.find());
});` },
  // scratch variables, set first in every call that uses them
  { code: `var i;
function decode(b) { i = 0; while (i < b.length) i++; return i; }
module.exports = decode;` },
  { code: `var bytes, index;
function next() { return bytes[index++]; }
function decode(input) {
  bytes = toBytes(input);
  index = 0;
  let out = '';
  while (index < bytes.length) out += next();
  return out;
}
export { decode };` },
  // replacing configuration from an exported or unknown function
  { code: `import axios from 'axios';
export function useServiceToken(token) { axios.defaults.headers.common.Authorization = token; }` },
  { code: `const config = {};
export function setLevel(level) { config.level = level; }` },
  // an injector that hands back what it was given is still an injector
  { code: `let logger;
export function setLogger(next) { logger = next; return logger; }
export const log = (m) => logger.info(m);` },
  // everything process emits is its life cycle (PM2 sends 'shutdown' as a message)
  { code: `let draining = false;
process.on('message', (message) => { if (message === 'shutdown') draining = true; });` },
  // more handles: a socket.io client per namespace, an unref'd timer, an SSE record holding the response
  { code: `const upstreams = {};
app.get('/:ns', (req, res) => { upstreams[req.params.ns] ??= io(hubUrl + req.params.ns); res.end(); });
let ticker;
export function begin() { ticker = setInterval(tick, 1000).unref(); }` },
  { code: `let clients = [];
app.get('/events', (req, res) => {
  const client = { id: Date.now(), res };
  clients.push(client);
  req.on('close', () => { clients = clients.filter((other) => other !== client); });
});` },
  // a busy flag raised behind its own check and lowered when the work settles
  { code: `let syncing = false;
setInterval(() => {
  if (syncing) return;
  syncing = true;
  sync().finally(() => { syncing = false; });
}, 5000);` },
  // settings merged into themselves, shut-down tasks, models registered at start-up
  { code: `let options = { retries: 3 };
export function override(overrides) { options = { ...options, ...overrides }; }
const cleanups = [];
export function onShutdown(task) { cleanups.push(task); }
const models = {};
export function registerModels(definitions) { for (const [name, define] of Object.entries(definitions)) models[name] = define(); }` },
  // the response of a call this process made is not a request
  { code: `let keys;
export function fetchKeys() {
  return new Promise((resolve) => https.get(KEYS_URL, (res) => { res.on('end', () => { keys = parse(res); resolve(keys); }); }));
}` },
  // a client per key made through a let, a registry filled through a bucket, plugins registered with use()
  { code: `const clients = new Map();
export function s3For(region) {
  let client = clients.get(region);
  if (!client) { client = new S3Client({ region }); clients.set(region, client); }
  return client;
}
const handlers = {};
export function on(topic, handler) { (handlers[topic] ??= []).push(handler); }
const plugins = [];
export function use(plugin) { plugins.push(plugin); }
const waiting = [];
export const slot = () => new Promise((resolve) => waiting.push(resolve));` },
  // a route table filled at start-up, and a cache slot emptied by delete
  { code: `const routes = [];
export function addRoute(path, limits) { routes.push({ path, handler: rateLimit(limits) }); }
const SchemaCache = { all: undefined };
export function clearSchemas() { delete SchemaCache.all; }` },
  // a method of a module object literal writing a static key
  { code: `const options = { set(value) { this.value = value; } };
export { options };` },
  // a copy hung on the request, and a property of another parameter that only shares the name
  { code: `const db = require('../db');
exports.load = (req, res, next) => { req.pet = { ...db.pets[req.params.id] }; next(); };
exports.rename = (req, res) => { req.pet.name = req.body.name; res.end(); };` },
  { code: `const db = require('../db');
exports.attach = (owner) => { owner.pet = db.pets[0]; };
exports.rename = (owner, name) => { owner.pet.name = name; };` },
  // a mixin: its methods run with this set to the object they are copied onto
  { code: `const atomicMethods = {
  push(value) { this.atomics.push(value); },
  reset() { this.atomics = []; },
};
Object.assign(TrackedArray.prototype, atomicMethods);` },
  // an exported prototype, whose fields are not its own: the importer decides what this is
  { code: `const builderMethods = {
  column(name) { this.statements.push({ name }); return this; },
};
module.exports = builderMethods;` },
];

const invalid: Invalid<MessageIds, Options>[] = [
  // module let incremented in an exported function
  {
    code: `let count = 0;
export function inc() { count++; }
export function read() { return count; }`,
    errors: [
      error('reassigned', 2, 25, 'count', 1),
    ],
  },
  // CommonJS var with a compound assignment
  {
    code: `var requests = 0;
module.exports.handler = function () { requests += 1; };
module.exports.read = () => requests;`,
    errors: [
      error('reassigned', 2, 40, 'requests', 1),
    ],
  },
  // exported let reassigned by a setter
  {
    code: `export let current;
export function setCurrent(value) { current = value; }`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('reassigned', 2, 37, 'current', 1),
    ],
  },
  // logical AND assignment
  {
    code: `let token = "a";
function narrow(next) { token &&= next; }
module.exports = { narrow, get: () => token };`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('reassigned', 2, 25, 'token', 1),
    ],
  },
  // array destructuring targets
  {
    code: `let a = 1, b = 2;
function swap() { [a, b] = [b, a]; }
swap.later = true;
setTimeout(swap, 10);`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('reassigned', 2, 20, 'a', 1),
      error('reassigned', 2, 23, 'b', 1),
    ],
  },
  // object destructuring target
  {
    code: `let total = 0;
function apply(result) { ({ total } = result); }
function read() { return total; }
module.exports = { apply, read };`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('reassigned', 2, 29, 'total', 1),
    ],
  },
  // for-of target
  {
    code: `let last;
function consume(items) { for (last of items) {} }
function peek() { return last; }
module.exports = { consume, peek };`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('reassigned', 2, 32, 'last', 1),
    ],
  },
  // for-in target
  {
    code: `var lastKey;
function scan(object) { for (lastKey in object) {} }
function peek() { return lastKey; }
module.exports = { scan, peek };`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('reassigned', 2, 30, 'lastKey', 1),
    ],
  },
  // reassignment in the else branch of a lazy init
  {
    code: `let client;
function get() {
  if (!client) { client = connect(); } else { client = reconnect(client); }
  return client;
}
module.exports = { get, close: () => client.close() };`,
    errors: [
      error('reassigned', 3, 47, 'client', 1),
    ],
  },
  // refresh under a compound test is not one-time init
  {
    code: `let token;
async function getToken() {
  if (!token || expired(token)) token = await fetchToken();
  return token;
}
module.exports = { getToken, peek: () => token };`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('reassigned', 3, 33, 'token', 1),
    ],
  },
  // TTL cache with an early return that is not a plain presence check
  {
    code: `let cached;
let expiresAt = 0;
async function load() {
  if (cached && Date.now() < expiresAt) return cached;
  cached = await fetchAll();
  expiresAt = Date.now() + 60000;
  return cached;
}
module.exports = { load, ttl: () => expiresAt - Date.now(), peek: () => cached };`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('reassigned', 5, 3, 'cached', 1),
      error('reassigned', 6, 3, 'expiresAt', 2),
    ],
  },
  // lazy init reported with allowLazyInit: false
  {
    code: `let pool;
function getPool() { return pool ??= createPool(); }
module.exports = { getPool, pool: () => pool };`,
    options: [{ allowLazyInit: false }],
    errors: [
      error('reassigned', 2, 29, 'pool', 1),
    ],
  },
  // expression-bodied arrow
  {
    code: `let hits = 0;
const hit = () => hits++;
module.exports = { hit, hits: () => hits };`,
    errors: [
      error('reassigned', 2, 19, 'hits', 1),
    ],
  },
  // setInterval callback
  {
    code: `let ticks = 0;
setInterval(() => { ticks += 1; }, 1000);
module.exports = () => ticks;`,
    errors: [
      error('reassigned', 2, 21, 'ticks', 1),
    ],
  },
  // class method writing a module variable
  {
    code: `let lastUser = null;
class Controller {
  show(req) { lastUser = req.user; }
}
module.exports = { Controller, last: () => lastUser };`,
    errors: [
      error('reassigned', 3, 15, 'lastUser', 1),
    ],
  },
  // request handler registered inside a top-level IIFE
  {
    code: `let served = 0;
(() => {
  app.get("/", (req, res) => { served++; res.end(); });
})();
module.exports = () => served;`,
    errors: [
      error('reassigned', 3, 32, 'served', 1),
    ],
  },
  // array callback inside a handler is run time
  {
    code: `let total = 0;
function sum(items) { items.forEach((item) => { total += item; }); }
module.exports = { sum, total: () => total };`,
    errors: [
      error('reassigned', 2, 49, 'total', 1),
    ],
  },
  // promise callback inside a handler is run time
  {
    code: `let latest;
function refresh() { return load().then((value) => { latest = value; }); }
module.exports = { refresh, latest: () => latest };`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('reassigned', 2, 54, 'latest', 1),
    ],
  },
  // setting and clearing a current user
  {
    code: `let currentUser = null;
function login(user) { currentUser = user; }
function logout() { currentUser = null; }
module.exports = { login, logout };`,
    // Named for one user's data, so replacing it is reported from any function; emptying it is not.
    errors: [
      error('reassigned', 2, 24, 'currentUser', 1),
    ],
  },
  // function declared in module scope reassigned
  {
    code: `function handler() {}
function swap(next) { handler = next; }
module.exports = { swap, run: () => handler() };`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('reassigned', 2, 23, 'handler', 1),
    ],
  },
  // state kept in an instance method of an exported object
  {
    code: `let connections = 0;
export default {
  open() { connections++; },
  close() { connections--; },
};`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('reassigned', 3, 12, 'connections', 1),
      error('reassigned', 4, 13, 'connections', 1),
    ],
  },
  // TypeScript non-null and type assertions around the target
  {
    code: `let seq: number | undefined = 0;
export function next(): number { seq! += 1; return seq!; }
export const peek = () => seq;`,
    parsers: ['ts'],
    errors: [
      error('reassigned', 2, 34, 'seq', 1),
    ],
  },
  // suggestion: a counter used by one function only
  {
    code: `let count = 0;
function handler() {
  count++;
  return count;
}
module.exports = handler;`,
    errors: [
      { ...error('reassigned', 3, 3, 'count', 1), suggestions: [{ messageId: 'moveIntoFunction', output: `function handler() {
  let count = 0;
  count++;
  return count;
}
module.exports = handler;` }] },
    ],
  },
  // suggestion: a scratch buffer used by one function only
  {
    code: `const buffer = [];
export function render(items) {
  'use strict';
  for (const item of items) buffer.push(item);
  return buffer.join('');
}`,
    errors: [
      { ...error('mutated', 4, 29, 'buffer', 1), suggestions: [{ messageId: 'moveIntoFunction', output: `export function render(items) {
  'use strict';
  const buffer = [];
  for (const item of items) buffer.push(item);
  return buffer.join('');
}` }] },
    ],
  },
  // suggestion: a Map used by one arrow function
  {
    code: `let seen = new Map();
const dedupe = (items) => {
  for (const item of items) seen.set(item.id, item);
  return [...seen.values()];
};
module.exports = dedupe;`,
    errors: [
      { ...error('mutated', 3, 29, 'seen', 1), suggestions: [{ messageId: 'moveIntoFunction', output: `const dedupe = (items) => {
  let seen = new Map();
  for (const item of items) seen.set(item.id, item);
  return [...seen.values()];
};
module.exports = dedupe;` }] },
    ],
  },
  // no suggestion when the initialiser calls a function
  {
    code: `let queue = createQueue();
function add(job) { queue.size++; }
module.exports = add;`,
    errors: [
      error('mutated', 2, 21, 'queue', 1),
    ],
  },
  // no suggestion for an expression-bodied arrow
  {
    code: `const ids = [];
const track = (id) => ids.push(id);
module.exports = track;`,
    errors: [
      error('mutated', 2, 23, 'ids', 1),
    ],
  },
  // no suggestion for a recursive function
  {
    code: `let depth = 0;
function walk(node) { depth++; node.children.forEach(walk); }
module.exports = walk;`,
    errors: [
      error('reassigned', 2, 23, 'depth', 1),
    ],
  },
  // Map.set in an Express handler
  {
    code: `const users = new Map();
app.post('/users', (req, res) => { users.set(req.body.id, req.body); res.end(); });
app.get('/users/:id', (req, res) => res.json(users.get(req.params.id)));`,
    errors: [
      error('mutated', 2, 36, 'users', 1),
    ],
  },
  // Map.delete and Map.clear
  {
    code: `const sessions = new Map();
export function drop(id) { sessions.delete(id); }
export function reset() { sessions.clear(); }`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('mutated', 2, 28, 'sessions', 1),
      error('mutated', 3, 27, 'sessions', 1),
    ],
  },
  // Set.add, Set.delete and Set.clear
  {
    code: `const online = new Set();
io.on("connection", (socket) => {
  online.add(socket.id);
  socket.on("disconnect", () => online.delete(socket.id));
});
process.on("SIGHUP", () => online.clear());`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('mutated', 3, 3, 'online', 1),
      error('mutated', 4, 33, 'online', 1),
      error('mutated', 6, 28, 'online', 1),
    ],
  },
  // WeakMap and WeakSet
  {
    code: `const meta = new WeakMap();
const seen = new WeakSet();
export function tag(req) { meta.set(req, Date.now()); seen.add(req); }
export function untag(req) { meta.delete(req); seen.delete(req); }`,
    errors: [
      error('mutated', 3, 28, 'meta', 1),
      error('mutated', 3, 55, 'seen', 2),
      error('mutated', 4, 30, 'meta', 1),
      error('mutated', 4, 48, 'seen', 2),
    ],
  },
  // every array mutator
  {
    code: `const jobs = [];
export function churn(job) {
  jobs.push(job); jobs.pop(); jobs.shift(); jobs.unshift(job);
  jobs.splice(0, 1); jobs.sort(); jobs.reverse(); jobs.fill(null); jobs.copyWithin(0, 1);
}
export const size = () => jobs.length;`,
    errors: [
      error('mutated', 3, 3, 'jobs', 1),
      error('mutated', 3, 19, 'jobs', 1),
      error('mutated', 3, 31, 'jobs', 1),
      error('mutated', 3, 45, 'jobs', 1),
      error('mutated', 4, 3, 'jobs', 1),
      error('mutated', 4, 22, 'jobs', 1),
      error('mutated', 4, 35, 'jobs', 1),
      error('mutated', 4, 51, 'jobs', 1),
      error('mutated', 4, 68, 'jobs', 1),
    ],
  },
  // nested property with a computed key
  {
    code: `const state = { users: {} };
export function save(id, user) { state.users[id] = user; }
export const load = (id) => state.users[id];`,
    errors: [
      error('mutated', 2, 34, 'state', 1),
    ],
  },
  // counter in an object (the unicorn workaround)
  {
    code: `const state = { index: 0 };
export function next() { state.index++; return state.index; }
export const peek = () => state.index;`,
    errors: [
      error('mutated', 2, 26, 'state', 1),
    ],
  },
  // compound assignment on members
  {
    code: `const stats = { hits: 0, byRoute: {} };
export function track(route) {
  stats.hits += 1;
  stats.byRoute[route] = (stats.byRoute[route] || 0) + 1;
}
export const report = () => ({ ...stats });`,
    errors: [
      error('mutated', 3, 3, 'stats', 1),
      error('mutated', 4, 3, 'stats', 1),
    ],
  },
  // memo cache with ??= on a computed key
  {
    code: `const cache = {};
export function memo(key) { return cache[key] ??= compute(key); }
export const size = () => Object.keys(cache).length;`,
    errors: [
      error('mutated', 2, 36, 'cache', 1),
    ],
  },
  // memo cache filled under a missing check on a computed key
  {
    code: `const cache = Object.create(null);
export function get(key) {
  if (!cache[key]) cache[key] = compute(key);
  return cache[key];
}`,
    errors: [
      error('mutated', 3, 20, 'cache', 1),
    ],
  },
  // memo cache in a Map
  {
    code: `const cache = new Map();
export function get(key) {
  if (!cache.has(key)) cache.set(key, compute(key));
  return cache.get(key);
}
export const clear = () => new Map(cache);`,
    errors: [
      error('mutated', 3, 24, 'cache', 1),
    ],
  },
  // delete of a member
  {
    code: `const tokens = {};
export function revoke(id) { delete tokens[id]; }
export const has = (id) => id in tokens;`,
    errors: [
      error('mutated', 2, 30, 'tokens', 1),
    ],
  },
  // members as destructuring and for-of targets
  {
    code: `const cursor = { page: 0, size: 0 };
export function move(next, pages) {
  [cursor.page, cursor.size] = next;
  for (cursor.page of pages) {}
}
export const where = () => cursor.page;`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('mutated', 3, 4, 'cursor', 1),
      error('mutated', 3, 17, 'cursor', 1),
      error('mutated', 4, 8, 'cursor', 1),
    ],
  },
  // emptying an array with length = 0
  {
    code: `const buffer = [];
export function flush() { const out = buffer.slice(); buffer.length = 0; return out; }
export const add = (x) => buffer.concat(x);`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('mutated', 2, 55, 'buffer', 1),
    ],
  },
  // Object.assign, Object.defineProperty and Reflect on a module object
  {
    code: `const settings = {};
export function configure(patch, key) {
  Object.assign(settings, patch);
  Object.defineProperty(settings, key, { value: 1 });
  Reflect.set(settings, key, 2);
  Reflect.deleteProperty(settings, key);
  Object.setPrototypeOf(settings, null);
}
export { settings };`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('mutated', 3, 3, 'settings', 1),
      error('mutated', 4, 3, 'settings', 1),
      error('mutated', 5, 3, 'settings', 1),
      error('mutated', 6, 3, 'settings', 1),
      error('mutated', 7, 3, 'settings', 1),
    ],
  },
  // through a const alias inside the function
  {
    code: `const state = { list: [] };
export function add(item) { const list = state.list; list.push(item); }
export { state };`,
    errors: [
      error('mutated', 2, 54, 'state', 1),
    ],
  },
  // through destructuring inside the function
  {
    code: `const state = { users: {}, queue: [] };
export function add(id, user) {
  const { users, queue: pending } = state;
  users[id] = user;
  pending.push(id);
}
export { state };`,
    errors: [
      error('mutated', 4, 3, 'state', 1),
      error('mutated', 5, 3, 'state', 1),
    ],
  },
  // alias declared at module level
  {
    code: `const state = { list: [] };
const list = state.list;
export function add(item) { list.push(item); }`,
    errors: [
      error('mutated', 3, 29, 'list', 2),
    ],
  },
  // containers made by Array.from, Object.fromEntries, structuredClone, new Array
  {
    code: `const a = Array.from(seed);
const b = Object.fromEntries(pairs);
const c = structuredClone(defaults);
const d = new Array(10);
export function f(k) { a.push(k); b[k] = 1; c.x = k; d.fill(k); }
export { a, b, c, d };`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('mutated', 5, 24, 'a', 1),
      error('mutated', 5, 35, 'b', 2),
      error('mutated', 5, 45, 'c', 3),
      error('mutated', 5, 54, 'd', 4),
    ],
  },
  // TypeScript wrappers around the receiver
  {
    code: `const sessions = new Map<string, Session>();
export function touch(id: string) {
  (sessions as Map<string, Session>).delete(id);
  sessions!.set(id, {} as Session);
  sessions?.clear();
  (sessions satisfies Map<string, Session>).set(id, {} as Session);
}
export { sessions };`,
    options: [{ allowPerProcess: false }],
    parsers: ['ts'],
    errors: [
      error('mutated', 3, 3, 'sessions', 1),
      error('mutated', 4, 3, 'sessions', 1),
      error('mutated', 5, 3, 'sessions', 1),
      error('mutated', 6, 3, 'sessions', 1),
    ],
  },
  // changing an element kept in a container
  {
    code: `const sessions = new Map();
const users = [];
export function touch(id) {
  sessions.get(id).lastSeen = Date.now();
  users.find((u) => u.id === id).visits++;
}
export { sessions, users };`,
    errors: [
      error('mutated', 4, 3, 'sessions', 1),
      error('mutated', 5, 3, 'users', 2),
    ],
  },
  // changing elements while iterating
  {
    code: `const jobs = [];
export function finish() {
  for (const job of jobs) job.done = true;
  jobs.forEach((job) => { job.count += 1; });
}
export const add = (job) => jobs.concat(job);`,
    errors: [
      error('mutated', 3, 27, 'jobs', 1),
      error('mutated', 4, 27, 'jobs', 1),
    ],
  },
  // array mutator on a value added to a dictionary at run time
  {
    code: `const handlers = {};
export function on(name, fn) {
  (handlers[name] ||= []).push(fn);
  handlers[name].push(fn);
}
export { handlers };`,
    // A registry of listeners is per-process by nature: the strict reading still sees the writes.
    options: [{ allowPerProcess: false }],
    errors: [
      error('mutated', 3, 4, 'handlers', 1),
      error('mutated', 4, 3, 'handlers', 1),
    ],
  },
  // an array inside a shallowly frozen object is still mutable
  {
    code: `const CONFIG = Object.freeze({ hosts: [] });
export function addHost(host) { CONFIG.hosts.push(host); }`,
    errors: [
      error('mutated', 2, 33, 'CONFIG', 1),
    ],
  },
  // a let container pushed to and replaced
  {
    code: `let queue = [];
export function add(job) { queue.push(job); }
export function drain() { const out = queue; queue = []; return out; }`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('mutated', 2, 28, 'queue', 1),
      error('reassigned', 3, 46, 'queue', 1),
    ],
  },
  // property write on a module object of unknown provenance
  {
    code: `const stats = createStats();
export function hit() { stats.count++; }`,
    errors: [
      error('mutated', 2, 25, 'stats', 1),
    ],
  },
  // state changed in a CommonJS route module
  {
    code: `const express = require('express');
const router = express.Router();
const carts = {};
router.post('/cart', (req, res) => {
  carts[req.user.id] = req.body;
  res.sendStatus(204);
});
router.get('/cart', (req, res) => res.json(carts[req.user.id]));
module.exports = router;`,
    errors: [
      error('mutated', 5, 3, 'carts', 3),
    ],
  },
  // index write on a nested array
  {
    code: `const registry = { routes: [] };
export function register(route) { registry.routes[registry.routes.length] = route; }
export { registry };`,
    errors: [
      error('mutated', 2, 35, 'registry', 1),
    ],
  },
  // state handed to a helper function of the file
  {
    code: `const users = new Map();
function addUser(map, user) { map.set(user.id, user); }
addUser(users, { id: 'root' });
app.post('/users', (req, res) => { addUser(users, req.body); res.end(); });
app.get('/users', (req, res) => res.json([...users.values()]));`,
    errors: [
      error('mutated', 4, 36, 'users', 1),
    ],
  },
  // helper chain writing a counter dictionary
  {
    code: `const counts = {};
function inc(map, key) { map[key] = (map[key] || 0) + 1; }
function incAll(map, keys) { keys.forEach((key) => inc(map, key)); }
export function track(keys) { incAll(counts, keys); }
export { counts };`,
    errors: [
      error('mutated', 4, 31, 'counts', 1),
    ],
  },
  // container made by a factory function of the file
  {
    code: `function createCache() { return new Map(); }
const cache = createCache();
const makeList = () => [];
const list = makeList();
export function remember(key) { cache.set(key, Date.now()); list.push(key); }
export { cache, list };`,
    errors: [
      error('mutated', 5, 33, 'cache', 2),
      error('mutated', 5, 61, 'list', 4),
    ],
  },
  // revealing module pattern (state in a top-level IIFE)
  {
    code: `const Counter = (function () {
  let count = 0;
  const history = [];
  return { inc() { count++; history.push(count); } };
})();
module.exports = Counter;`,
    errors: [
      error('reassigned', 4, 20, 'count', 2),
      error('mutated', 4, 29, 'history', 3),
    ],
  },
  // state declared in main() and captured by a handler
  {
    code: `async function main() {
  const app = express();
  let requests = 0;
  app.use((req, res, next) => { requests++; next(); });
  app.get("/stats", (req, res) => res.json({ requests }));
  await app.listen(3000);
}
main().catch(console.error);`,
    errors: [
      error('reassigned', 4, 33, 'requests', 3),
    ],
  },
  // state declared in a top-level block
  {
    code: `if (process.env.ENABLE_CACHE) {
  const cache = new Map();
  app.get("/", (req, res) => { cache.set(req.url, Date.now()); res.end(); });
  app.get("/size", (req, res) => res.json(cache.size));
}`,
    errors: [
      error('mutated', 3, 32, 'cache', 2),
    ],
  },
  // state in a named top-level IIFE
  {
    code: `(function main() {
  let hits = 0;
  app.get("/", (req, res) => { hits++; res.json({ hits }); });
})();`,
    errors: [
      error('reassigned', 3, 32, 'hits', 2),
    ],
  },
  // state in a static block captured by a static method
  {
    code: `class Pool {
  static {
    const idle = [];
    Pool.release = (conn) => { idle.push(conn); };
  }
}
module.exports = Pool;`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('mutated', 4, 32, 'idle', 3),
    ],
  },
  // globalThis property written in a function
  {
    code: `export function remember(user) { globalThis.lastUser = user; }`,
    errors: [
      error('globalWritten', 1, 34, 'globalThis.lastUser'),
    ],
  },
  // global in CommonJS
  {
    code: `module.exports = function track() { global.requests = (global.requests || 0) + 1; };`,
    errors: [
      error('globalWritten', 1, 37, 'global.requests'),
    ],
  },
  // window and self: a file that writes `window` is browser code (docs/file-roles.md), checked here on purpose
  {
    code: `function f(v) { window.cache = v; self.count++; }
module.exports = f;`,
    options: [{ allowPerProcess: false }],
    settings: { stateless: { checkRoles: ['browser'] } },
    errors: [
      error('globalWritten', 1, 17, 'window.cache'),
      error('globalWritten', 1, 35, 'self.count'),
    ],
  },
  // computed key, delete, and nested write
  {
    code: `export function f(key, value) {
  globalThis[key] = value;
  delete globalThis.session;
  globalThis.cache[key] = value;
}`,
    // Emptying a slot from unknown code is a reset; the strict reading still sees the delete.
    options: [{ allowPerProcess: false }],
    errors: [
      error('globalWritten', 2, 3, 'globalThis'),
      error('globalWritten', 3, 3, 'globalThis.session'),
      error('globalWritten', 4, 3, 'globalThis.cache'),
    ],
  },
  // Object.assign and Reflect.set on the global object
  {
    code: `export function f(value) {
  Object.assign(globalThis, { value });
  Reflect.set(globalThis, "value", value);
}`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('globalWritten', 2, 3, 'globalThis'),
      error('globalWritten', 3, 3, 'globalThis'),
    ],
  },
  // TypeScript wrappers around the global object
  {
    code: `export function f(db: Db) {
  (globalThis as any).db = db;
  (global as unknown as { db: Db }).db = db;
  globalThis!.db = db;
}`,
    options: [{ allowPerProcess: false }],
    parsers: ['ts'],
    errors: [
      error('globalWritten', 2, 3, 'globalThis.db'),
      error('globalWritten', 3, 3, 'global.db'),
      error('globalWritten', 4, 3, 'globalThis.db'),
    ],
  },
  // an alias of the global object
  {
    code: `const root = globalThis;
export function f(v) { root.value = v; }`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('globalWritten', 2, 24, 'root.value'),
    ],
  },
  // an array kept on the global object
  {
    code: `export function enqueue(job) { globalThis.queue.push(job); }`,
    errors: [
      error('globalWritten', 1, 32, 'globalThis.queue'),
    ],
  },
  // global lazy init reported with allowLazyInit: false
  {
    code: `export function db() { return globalThis.prisma ??= new PrismaClient(); }`,
    options: [{ allowLazyInit: false }],
    errors: [
      error('globalWritten', 1, 31, 'globalThis.prisma'),
    ],
  },
  // global re-created in an else branch
  {
    code: `export function db() {
  if (!global.__db) { global.__db = connect(); } else { global.__db = reconnect(); }
  return global.__db;
}`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('globalWritten', 2, 57, 'global.__db'),
    ],
  },
  // static array pushed in a constructor
  {
    code: `class Conn {
  static instances = [];
  constructor() { Conn.instances.push(this); }
}
module.exports = Conn;`,
    errors: [
      error('staticMutated', 3, 19, 'Conn.instances', 2),
    ],
  },
  // static counter incremented in a method
  {
    code: `class Counter {
  static count = 0;
  hit() { Counter.count++; }
}
module.exports = Counter;`,
    errors: [
      error('staticMutated', 3, 11, 'Counter.count', 2),
    ],
  },
  // this.items.set in a static method
  {
    code: `class Registry {
  static items = new Map();
  static register(name, item) { this.items.set(name, item); }
}
module.exports = Registry;`,
    errors: [
      error('staticMutated', 3, 33, 'Registry.items', 2),
    ],
  },
  // assignment through the class in a constructor
  {
    code: `class Conn {
  static byId = {};
  constructor(id) { Conn.byId[id] = this; }
}
module.exports = Conn;`,
    errors: [
      error('staticMutated', 3, 21, 'Conn.byId', 2),
    ],
  },
  // private static field
  {
    code: `class Registry {
  static #items = new Map();
  static add(k, v) { Registry.#items.set(k, v); }
}
module.exports = Registry;`,
    errors: [
      error('staticMutated', 3, 22, 'Registry.#items', 2),
    ],
  },
  // arrow function in a static field
  {
    code: `class Metrics {
  static total = 0;
  static bump = () => { this.total += 1; };
}
module.exports = Metrics;`,
    errors: [
      error('staticMutated', 3, 25, 'Metrics.total', 2),
    ],
  },
  // class expression exported directly
  {
    code: `module.exports = class Store {
  static items = [];
  static add(item) { this.items.push(item); }
};`,
    errors: [
      error('staticMutated', 3, 22, 'Store.items', 2),
    ],
  },
  // class expression in a const
  {
    code: `const Pool = class {
  static all = new Set();
  open() { Pool.all.add(this); }
};
module.exports = Pool;`,
    errors: [
      error('staticMutated', 3, 12, 'Pool.all', 2),
    ],
  },
  // TypeScript private static field
  {
    code: `export class Cache {
  private static entries: Record<string, string> = {};
  static put(key: string, value: string): void { Cache.entries[key] = value; }
  static drop(key: string): void { delete this.entries[key]; }
}`,
    parsers: ['ts'],
    errors: [
      error('staticMutated', 3, 50, 'Cache.entries', 2),
      error('staticMutated', 4, 36, 'Cache.entries', 2),
    ],
  },
  // static property added at run time
  {
    code: `class Flags {}
export function enable(name) { Flags[name] = true; }
export { Flags };`,
    errors: [
      error('staticMutated', 2, 32, 'Flags', 1),
    ],
  },
  // static singleton replaced outside a lazy init
  {
    code: `export class Db {
  static instance;
  static reconnect() { Db.instance = new Db(); }
}`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('staticMutated', 3, 24, 'Db.instance', 2),
    ],
  },
  // property of a default import
  {
    code: `import config from './config.js';
export function enableDebug() { config.debug = true; }`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('importMutated', 2, 33, 'config', 1),
    ],
  },
  // write through a namespace import
  {
    code: `import * as store from './store.js';
export function hit() { store.counters.hits++; }`,
    errors: [
      error('importMutated', 2, 25, 'store', 1),
    ],
  },
  // delete on a named import
  {
    code: `import { sessions } from './sessions.js';
export function logout(id) { delete sessions[id]; }`,
    errors: [
      error('importMutated', 2, 30, 'sessions', 1),
    ],
  },
  // Object.assign on an import
  {
    code: `import settings from './settings.js';
export function patch(p) { Object.assign(settings, p); }`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('importMutated', 2, 28, 'settings', 1),
    ],
  },
  // axios defaults changed per request
  {
    code: `import axios from 'axios';
app.use((req, res, next) => { axios.defaults.headers.common.Authorization = req.get('authorization'); next(); });`,
    errors: [
      error('importMutated', 2, 31, 'axios', 1),
    ],
  },
  // require binding in CommonJS
  {
    code: `const config = require('./config');
module.exports = function middleware(req, res, next) { config.lastPath = req.path; next(); };`,
    errors: [
      error('importMutated', 2, 56, 'config', 1),
    ],
  },
  // destructured require binding
  {
    code: `const { counters } = require('./metrics');
module.exports = function hit() { counters.hits += 1; };`,
    errors: [
      error('importMutated', 2, 35, 'counters', 1),
    ],
  },
  // TypeScript import = require
  {
    code: `import settings = require('./settings');
export function patch(): void { settings.debug = true; }`,
    options: [{ allowPerProcess: false }],
    parsers: ['ts'],
    errors: [
      error('importMutated', 2, 33, 'settings', 1),
    ],
  },
  // alias of an import inside the function
  {
    code: `import config from './config.js';
export function f(v) { const c = config; c.value = v; }`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('importMutated', 2, 42, 'config', 1),
    ],
  },
  // a self-replacing function reported with allowLazyInit: false
  {
    code: `var pick = function (x) {
  pick = choose();
  return pick(x);
};
module.exports = (x) => pick(x);`,
    options: [{ allowLazyInit: false }],
    errors: [
      error('reassigned', 2, 3, 'pick', 1),
    ],
  },
  // reset to null of a variable that is not lazily initialised
  {
    code: `let job = null;
export function start() { job = schedule(); }
export function stop() { job = null; }`,
    options: [{ allowPerProcess: false }],
    errors: [
      error('reassigned', 2, 27, 'job', 1),
      error('reassigned', 3, 26, 'job', 1),
    ],
  },
  // decorated service class with a static cache
  {
    code: `@Injectable()
export class UsersService {
  private static cache = new Map<string, User>();
  find(id: string): User | undefined { return UsersService.cache.get(id); }
  remember(user: User): void { UsersService.cache.set(user.id, user); }
}`,
    parsers: ['ts'],
    errors: [
      error('staticMutated', 5, 32, 'UsersService.cache', 3),
    ],
  },
  // app.locals changed per request
  {
    code: `const express = require('express');
const app = express();
app.locals.title = 'Shop';
app.use((req, res, next) => { app.locals.requests += 1; next(); });
module.exports = app;`,
    errors: [
      error('mutated', 4, 31, 'app', 2),
    ],
  },
  // rate limiter entries changed through a const alias
  {
    code: `const hits = new Map();
module.exports = function limit(req, res, next) {
  const entry = hits.get(req.ip);
  if (!entry) { hits.set(req.ip, { count: 1 }); return next(); }
  entry.count++;
  next();
};`,
    errors: [
      { ...error('mutated', 4, 17, 'hits', 1), suggestions: [{ messageId: 'moveIntoFunction', output: `module.exports = function limit(req, res, next) {
  const hits = new Map();
  const entry = hits.get(req.ip);
  if (!entry) { hits.set(req.ip, { count: 1 }); return next(); }
  entry.count++;
  next();
};` }] },
      { ...error('mutated', 5, 3, 'hits', 1), suggestions: [{ messageId: 'moveIntoFunction', output: `module.exports = function limit(req, res, next) {
  const hits = new Map();
  const entry = hits.get(req.ip);
  if (!entry) { hits.set(req.ip, { count: 1 }); return next(); }
  entry.count++;
  next();
};` }] },
    ],
  },
  // a once-guard that is not raised keeps reporting
  {
    code: `let ready = false;
let client;
export function init() {
  if (!ready) {
    client = createClient();
  }
  ready = client !== undefined;
}`,
    options: [{ allowPerProcess: false }],
    errors: [
      { ...error('reassigned', 5, 5, 'client', 2), suggestions: [{ messageId: 'moveIntoFunction', output: `let ready = false;
export function init() {
  let client;
  if (!ready) {
    client = createClient();
  }
  ready = client !== undefined;
}` }] },
      { ...error('reassigned', 7, 3, 'ready', 1), suggestions: [{ messageId: 'moveIntoFunction', output: `let client;
export function init() {
  let ready = false;
  if (!ready) {
    client = createClient();
  }
  ready = client !== undefined;
}` }] },
    ],
  },
  // allow does not cover other names
  {
    code: `const metricsCache = new Map();
const users = new Map();
export function f(k, v) { metricsCache.set(k, v); users.set(k, v); }
export { users, metricsCache };`,
    options: [{ allow: ['metrics'] }],
    errors: [
      error('mutated', 3, 27, 'metricsCache', 1),
      error('mutated', 3, 51, 'users', 2),
    ],
  },
  // checkGlobalThis: false leaves module state reported
  {
    code: `let n = 0;
export function f() { globalThis.x = 1; n++; }
export const read = () => n;`,
    options: [{ checkGlobalThis: false }],
    errors: [
      error('reassigned', 2, 41, 'n', 1),
    ],
  },

  // ---- request state stays reported whatever the start-up model says ----
  // a counter in middleware, a map filled by a route, an exported add() store
  {
    code: `let hits = 0;
const users = new Map();
const store = [];
app.use((req, res, next) => { hits++; next(); });
app.post('/users', (req, res) => { users.set(req.body.id, req.body); res.end(); });
export function addUser(user) { store.push(user); }
app.get('/stats', (req, res) => res.json({ hits, users: users.size, store }));`,
    errors: [error('reassigned', 4, 31, 'hits', 1), error('mutated', 5, 36, 'users', 2), error('mutated', 6, 33, 'store', 3)],
  },
  // a replace in request code: the last request's data
  {
    code: `let lastQuery;
app.get('/search', (req, res) => { lastQuery = req.query.q; res.end(); });
app.get('/last', (req, res) => res.send(lastQuery));`,
    errors: [error('reassigned', 2, 36, 'lastQuery', 1)],
  },
  // a function called from a route is request code, whatever its name
  {
    code: `let visits = {};
function start(id) { visits = { ...visits, [id]: Date.now() }; }
app.get('/:id', (req, res) => { start(req.params.id); res.end(); });
app.get('/visits', (req, res) => res.json(visits));`,
    errors: [error('reassigned', 2, 22, 'visits', 1)],
  },
  // resolvers, socket events, fastify request hooks, Nest route methods, setInterval
  {
    code: `let count = 0;
let lastMessage;
const resolvers = { Mutation: { bump: () => { count += 1; return count; } } };
io.on('connection', (socket) => { socket.on('chat', (message) => { lastMessage = message; }); });
fastify.addHook('onRequest', async () => { count++; });
setInterval(() => { count = count * 2; }, 1000);
app.get('/last', (req, res) => res.send(lastMessage));`,
    errors: [
      error('reassigned', 3, 47, 'count', 1),
      error('reassigned', 4, 68, 'lastMessage', 2),
      error('reassigned', 5, 44, 'count', 1),
      error('reassigned', 6, 21, 'count', 1),
    ],
  },
  {
    code: `let served = 'none';
@Controller('users')
export class UsersController {
  @Get(':id')
  find(id: string) { served = id; }
}
export const last = () => served;`,
    parsers: ['ts'],
    errors: [error('reassigned', 5, 22, 'served', 1)],
  },
  // a cache of request data with computed keys, from an unknown function
  {
    code: `const cache = {};
export function remember(key, value) { cache[key] = value; }
export const recall = (key) => cache[key];`,
    errors: [error('mutated', 2, 40, 'cache', 1)],
  },
  // a registry that stores user data, not handles
  {
    code: `const sessions = new Map();
wss.on('connection', (ws, req) => { sessions.set(req.headers.cookie, { user: req.user }); });
app.get('/who', (req, res) => res.json(sessions.get(req.headers.cookie)));`,
    errors: [error('mutated', 2, 37, 'sessions', 1)],
  },
  // a flag raised only: not a lock
  {
    code: `let loggedIn = false;
app.post('/login', (req, res) => { loggedIn = true; res.end(); });
app.get('/me', (req, res) => res.json(loggedIn));`,
    errors: [error('reassigned', 2, 36, 'loggedIn', 1)],
  },
  // a scratch candidate that an async function reads after await: values carry across calls
  {
    code: `var total;
async function sum(items) { total = 0; for (const item of items) total += await price(item); return total; }
export { sum };
export const lastTotal = () => total;`,
    errors: [error('reassigned', 2, 66, 'total', 1)],
  },
  // a variable another function reads without setting it first is not scratch
  {
    code: `var seen;
function track(id) { seen = id; return seen; }
export function last() { return seen; }
export { track };
app.get('/:id', (req, res) => res.send(track(req.params.id)));`,
    errors: [error('reassigned', 2, 22, 'seen', 1)],
  },
  // the strict reading reports start-up writes too
  {
    code: `let settings;
exports.init = (s) => { settings = s; };
exports.port = () => settings.port;`,
    options: [{ allowPerProcess: false }],
    errors: [error('reassigned', 2, 25, 'settings', 1)],
  },
  // a cache refreshed on read, from an unknown function: database data kept per process
  {
    code: `let cached;
let expiresAt = 0;
export async function loadPlans() {
  if (cached && Date.now() < expiresAt) return cached;
  cached = await db.plans.findMany();
  expiresAt = Date.now() + 60000;
  return cached;
}
export const cachedPlanCount = () => cached?.length ?? 0;`,
    errors: [error('reassigned', 5, 3, 'cached', 1)],
  },
  // the one instance of a class made at load time, an anonymous singleton, a Nest provider
  {
    code: `class InMemoryTodoRepository {
  todos = new Map();
  save(todo) { this.todos.set(todo.id, todo); }
  count() { return this.todos.size; }
}
export const todos = new InMemoryTodoRepository();`,
    errors: [error('instanceMutated', 3, 16, 'InMemoryTodoRepository.todos', 6)],
  },
  {
    code: `export default new (class {
  names = new Set();
  add(name) { this.names.add(name); }
})();`,
    errors: [error('instanceMutated', 3, 15, 'class.names', 1)],
  },
  {
    code: `import { Injectable } from '@nestjs/common';
@Injectable()
export class PresenceService {
  private online = new Map<string, number>();
  private seenCount = 0;
  seen(id: string) { this.online.set(id, Date.now()); this.seenCount++; }
}`,
    parsers: ['ts'],
    errors: [error('instanceMutated', 6, 22, 'PresenceService.online', 2), error('instanceMutated', 6, 55, 'PresenceService.seenCount', 2)],
  },
  {
    code: `class Jobs {
  constructor() { this.queue = []; this.startedAt = Date.now(); }
  enqueue = (job) => { this.queue.push(job); };
}
module.exports = new Jobs();`,
    errors: [error('instanceMutated', 3, 24, 'Jobs.queue', 5)],
  },
  // a class named for an in-memory store, instantiated in another file
  {
    code: `export class InMemoryTodoRepository {
  private readonly todos = new Map<string, Todo>();
  save(todo: Todo) { this.todos.set(todo.id, todo); }
  remove(id: string) { return this.todos.delete(id); }
}`,
    parsers: ['ts'],
    errors: [error('instanceMutated', 3, 22, 'InMemoryTodoRepository.todos', 1), error('instanceMutated', 4, 31, 'InMemoryTodoRepository.todos', 1)],
  },
  // a life-cycle event of a request's own object ends that request
  {
    code: `const messages = [];
http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => { body += chunk; });
  req.on('end', () => { messages.push(JSON.parse(body)); res.end(); });
});
export const count = () => messages.length;`,
    errors: [error('mutated', 5, 25, 'messages', 1)],
  },
  {
    code: `const lastSeen = new Map();
io.on('connection', (socket) => {
  socket.on('disconnect', () => { lastSeen.set(socket.data.userId, Date.now()); });
});
export const seenAt = (id) => lastSeen.get(id);`,
    errors: [error('mutated', 3, 35, 'lastSeen', 1)],
  },
  // Koa's ctx, an agenda job, a kafkajs message handler
  {
    code: `let banner = '';
let lastJob;
let lastOffset;
export async function updateBanner(ctx) { banner = ctx.request.body.text; ctx.status = 204; }
agenda.define('report', async (job) => { lastJob = job.attrs.data; });
consumer.run({ eachMessage: async ({ message }) => { lastOffset = message.offset; } });
export const state = () => [banner, lastJob, lastOffset];`,
    errors: [error('reassigned', 4, 43, 'banner', 1), error('reassigned', 5, 42, 'lastJob', 2), error('reassigned', 6, 54, 'lastOffset', 3)],
  },
  // a domain verb that starts like a start-up word
  {
    code: `const checkouts = {};
export function startCheckout(userId, items) { checkouts[userId] = { items, at: Date.now() }; }
export const pending = (userId) => checkouts[userId];`,
    errors: [error('mutated', 2, 48, 'checkouts', 1)],
  },
  // a toggle set either way in one handler is not a lock
  {
    code: `let maintenance = false;
app.post('/admin/maintenance', (req, res) => {
  if (req.body.enabled) maintenance = true;
  else maintenance = false;
  res.end();
});
app.use((req, res, next) => (maintenance ? res.sendStatus(503) : next()));`,
    errors: [error('reassigned', 3, 25, 'maintenance', 1), error('reassigned', 4, 8, 'maintenance', 1)],
  },
  // request data under a connection-like name is still data
  {
    code: `const uploads = new Map();
app.post('/uploads/:id', (req, res) => {
  const stream = req.body;
  uploads.set(req.params.id, stream);
  res.end();
});
export const upload = (id) => uploads.get(id);`,
    errors: [error('mutated', 4, 3, 'uploads', 1)],
  },
  // a busy flag is not a once-flag: what the guarded function collects is reported
  {
    code: `const inbox = [];
let polling = false;
async function poll() { inbox.push(...(await fetchMessages())); polling = false; }
setInterval(() => { if (!polling) { polling = true; poll(); } }, 1000);
export const unread = () => inbox.length;`,
    errors: [error('mutated', 3, 25, 'inbox', 1)],
  },
  // an in-memory cache of a library is a Map that forgets
  {
    code: `import { LRUCache } from 'lru-cache';
const profiles = new LRUCache({ max: 1000 });
export async function profile(id) {
  let found = profiles.get(id);
  if (!found) { found = await db.profiles.find(id); profiles.set(id, found); }
  return found;
}`,
    errors: [error('mutated', 5, 53, 'profiles', 2)],
  },
  {
    code: `const NodeCache = require('node-cache');
const rates = new NodeCache({ stdTTL: 60 });
app.get('/rate/:pair', async (req, res) => { rates.set(req.params.pair, await fetchRate(req.params.pair)); res.end(); });
module.exports = { rates };`,
    errors: [error('mutated', 3, 46, 'rates', 2)],
  },
  // an array of the project's own module, pushed to from a route; other methods and packages stay silent
  {
    code: `const db = require('../db');
const cache = require('cache-client');
app.post('/pets', (req, res) => {
  db.pets.push(req.body);
  db.users.set(req.body.owner, req.body);
  cache.list.push(req.body);
  res.sendStatus(201);
});`,
    errors: [error('importMutated', 4, 3, 'db', 1)],
  },
  // an alias held in a reassigned let
  {
    code: `const sessions = new Map();
app.post('/touch', (req, res) => {
  let session;
  session = sessions.get(req.body.id);
  session.active = true;
  res.end();
});
app.get('/sessions', (req, res) => res.json(sessions.size));`,
    errors: [error('mutated', 5, 3, 'sessions', 1)],
  },
  // a method of a module object literal writing this[key], called at run time
  {
    code: `const pads = {
  set(key, value) { this[':' + key] = value; },
};
app.post('/pad', (req, res) => { pads.set(req.body.key, req.body.text); res.end(); });`,
    errors: [error('mutated', 2, 21, 'pads', 1)],
  },
  // a record of an imported store hung on the request by one handler and changed by the next
  {
    code: `const db = require('../db');
exports.load = function (req, res, next) {
  const pet = db.pets[req.params.id];
  if (!pet) return next('route');
  req.pet = pet;
  next();
};
exports.rename = function (req, res) {
  req.pet.name = req.body.name;
  res.redirect('back');
};`,
    errors: [error('importMutated', 9, 3, 'db', 1)],
  },
  // an exported store object that declares the field its method fills: this is the object itself
  {
    code: `export const store = {
  items: [],
  add(item) { this.items.push(item); },
};
app.post('/items', (req, res) => { store.add(req.body); res.end(); });`,
    errors: [error('mutated', 3, 15, 'store', 1)],
  },
];

runRuleTests('no-mutable-module-state', rule, { valid, invalid });
