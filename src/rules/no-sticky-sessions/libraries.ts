import { CALL, CONSTRUCT, READ, type TraceMap, type TraceMapElement } from '../../analysis/module-references.js';

/**
 * What a reference to a library export means for `no-sticky-sessions`. Library facts and their
 * sources: shared/reference/library-catalog.md §1 (each package verified with `npm pack`).
 */
export type SessionLibraryEntry =
  /** A session middleware factory whose default store is process memory: report it without `store`. */
  | { readonly kind: 'middleware'; readonly library: string; readonly optionsIndex: number }
  /** `new X()` of a class that keeps sessions in this process's memory. */
  | { readonly kind: 'memory-store'; readonly library: string; readonly store: string }
  /** `new X()` of a class that keeps sessions on this host's disk (a file or an embedded database). */
  | { readonly kind: 'disk-store'; readonly library: string; readonly store: string }
  /** `factory(session)` returns such a class (the connect-store convention): `new (factory(session))()`. */
  | { readonly kind: 'memory-store-factory'; readonly library: string; readonly store: string }
  | { readonly kind: 'disk-store-factory'; readonly library: string; readonly store: string }
  /** Remix / React Router session storages. */
  | { readonly kind: 'memory-session-storage'; readonly library: string }
  | { readonly kind: 'file-session-storage'; readonly library: string }
  /** Routes each client to the same worker process. */
  | { readonly kind: 'sticky-routing'; readonly library: string }
  /** A Pulumi classic-ELB / Lightsail stickiness resource (`checkEnabled`: reported unless `enabled: false`). */
  | { readonly kind: 'stickiness-resource'; readonly setting: string; readonly checkEnabled: boolean }
  /** azure-native `web.WebApp` / `WebAppSlot`, whose `clientAffinityEnabled` defaults to `true` (strict only). */
  | { readonly kind: 'azure-web-app'; readonly resource: string }
  /** A Google Cloud infrastructure package: evidence that `sessionAffinity: true` is Cloud Run / App Engine. */
  | { readonly kind: 'google-cloud-module' };

type Entry = SessionLibraryEntry;

const EXPRESS_SESSION = 'express-session';

function middleware(library: string, optionsIndex = 0): Entry {
  return { kind: 'middleware', library, optionsIndex };
}

function memoryStoreClass(library: string, store = `${library}'s MemoryStore`): TraceMapElement<Entry> {
  return { [CONSTRUCT]: { kind: 'memory-store', library, store } };
}

function diskStoreFactory(library: string, className: string): TraceMapElement<Entry> {
  const entry: Entry = { kind: 'disk-store-factory', library, store: `${library}'s ${className}` };
  // v7-style bundles also expose the factory as `default`.
  return { [CALL]: entry, default: { [CALL]: entry } };
}

function memorySessionStorage(library: string): TraceMapElement<Entry> {
  return { createMemorySessionStorage: { [CALL]: { kind: 'memory-session-storage', library } } };
}

function fileSessionStorage(library: string): TraceMapElement<Entry> {
  return { createFileSessionStorage: { [CALL]: { kind: 'file-session-storage', library } } };
}

function sticky(library: string): Entry {
  return { kind: 'sticky-routing', library };
}

const NEXT_SESSION_MIDDLEWARE = middleware('next-session');

const PULUMI_AWS_ELB: TraceMapElement<Entry> = {
  LoadBalancerCookieStickinessPolicy: {
    [CONSTRUCT]: { kind: 'stickiness-resource', setting: 'Pulumi aws.elb.LoadBalancerCookieStickinessPolicy', checkEnabled: false },
  },
  AppCookieStickinessPolicy: {
    [CONSTRUCT]: { kind: 'stickiness-resource', setting: 'Pulumi aws.elb.AppCookieStickinessPolicy', checkEnabled: false },
  },
};
const PULUMI_AWS_LIGHTSAIL: TraceMapElement<Entry> = {
  LbStickinessPolicy: { [CONSTRUCT]: { kind: 'stickiness-resource', setting: 'Pulumi aws.lightsail.LbStickinessPolicy', checkEnabled: true } },
};
const AZURE_NATIVE_WEB: TraceMapElement<Entry> = {
  WebApp: { [CONSTRUCT]: { kind: 'azure-web-app', resource: 'web.WebApp' } },
  WebAppSlot: { [CONSTRUCT]: { kind: 'azure-web-app', resource: 'web.WebAppSlot' } },
};

/** Packages whose import makes `sessionAffinity: true` a Google Cloud (Cloud Run / App Engine flex) setting. */
export const GOOGLE_CLOUD_INFRASTRUCTURE_MODULES: readonly string[] = [
  '@pulumi/gcp',
  '@pulumi/google-native',
  '@cdktf/provider-google',
  '@cdktf/provider-google-beta',
  '@google-cloud/run',
  '@google-cloud/appengine-admin',
  'googleapis',
];

const GOOGLE_CLOUD_EVIDENCE: TraceMap<Entry> = Object.fromEntries(
  GOOGLE_CLOUD_INFRASTRUCTURE_MODULES.map((moduleId) => [moduleId, { [READ]: { kind: 'google-cloud-module' } }]),
);

/** One trace map for every module export the rule looks at, so the file is walked once. */
export const SESSION_TRACE_MAP: TraceMap<Entry> = {
  // express-session: `opts.store || new MemoryStore()` (index.js:100); class at `session.MemoryStore` (index.js:48).
  [EXPRESS_SESSION]: { [CALL]: middleware(EXPRESS_SESSION), MemoryStore: memoryStoreClass(EXPRESS_SESSION) },
  // Express 3 / Connect 2 bundled the same middleware and MemoryStore.
  express: { session: { [CALL]: middleware('express.session'), MemoryStore: memoryStoreClass('express.session') } },
  connect: { session: { [CALL]: middleware('connect.session'), MemoryStore: memoryStoreClass('connect.session') } },
  // memorystore: `module.exports = function (session)` returning a class; "still stored in memory" (README).
  memorystore: {
    [CALL]: { kind: 'memory-store-factory', library: 'memorystore', store: "memorystore's MemoryStore" },
    default: { [CALL]: { kind: 'memory-store-factory', library: 'memorystore', store: "memorystore's MemoryStore" } },
  },
  // @fastify/session and its predecessor: `Store` and `MemoryStore` are the same in-memory class.
  '@fastify/session': { MemoryStore: memoryStoreClass('@fastify/session'), Store: memoryStoreClass('@fastify/session') },
  'fastify-session': { MemoryStore: memoryStoreClass('fastify-session'), Store: memoryStoreClass('fastify-session') },
  '@mgcrea/fastify-session': { MemoryStore: memoryStoreClass('@mgcrea/fastify-session') },
  // koa-generic-session: `options.store || new MemoryStore()` (lib/session.js:429).
  'koa-generic-session': { [CALL]: middleware('koa-generic-session'), MemoryStore: memoryStoreClass('koa-generic-session') },
  // next-session v4: default export (CJS `exports.default`); v3: named `session`, `withSession(h, opts)`, `applySession(req, res, opts)`.
  'next-session': {
    [CALL]: NEXT_SESSION_MIDDLEWARE,
    default: { [CALL]: NEXT_SESSION_MIDDLEWARE },
    session: { [CALL]: NEXT_SESSION_MIDDLEWARE },
    withSession: { [CALL]: middleware('next-session', 1) },
    applySession: { [CALL]: middleware('next-session', 2) },
    MemoryStore: memoryStoreClass('next-session'),
  },
  // hono-sessions: `store` is required; `MemoryStore` is process memory, `CookieStore` is cookie-only.
  'hono-sessions': { MemoryStore: memoryStoreClass('hono-sessions') },
  'hono-sessions/bun-sqlite-store': {
    BunSqliteStore: { [CONSTRUCT]: { kind: 'disk-store', library: 'hono-sessions', store: "hono-sessions' BunSqliteStore" } },
  },
  // Stores on this host's disk (connect-store factories taking `session`).
  'session-file-store': diskStoreFactory('session-file-store', 'FileStore'),
  'connect-sqlite3': diskStoreFactory('connect-sqlite3', 'SQLiteStore'),
  'better-sqlite3-session-store': diskStoreFactory('better-sqlite3-session-store', 'SqliteStore'),
  'connect-loki': diskStoreFactory('connect-loki', 'LokiStore'),
  'nedb-session-store': diskStoreFactory('nedb-session-store', 'NedbStore'),
  'express-nedb-session': diskStoreFactory('express-nedb-session', 'NedbStore'),
  'level-session-store': diskStoreFactory('level-session-store', 'LevelStore'),
  // Remix / React Router: which package exports which storage (checked in each package's .d.ts).
  '@remix-run/node': { ...memorySessionStorage('@remix-run/node'), ...fileSessionStorage('@remix-run/node') },
  '@remix-run/cloudflare': memorySessionStorage('@remix-run/cloudflare'),
  '@remix-run/deno': { ...memorySessionStorage('@remix-run/deno'), ...fileSessionStorage('@remix-run/deno') },
  'react-router': memorySessionStorage('react-router'),
  'react-router-dom': memorySessionStorage('react-router-dom'),
  '@react-router/node': fileSessionStorage('@react-router/node'),
  // Sticky routing.
  'sticky-session': {
    [CALL]: sticky('sticky-session'),
    listen: { [CALL]: sticky('sticky-session') },
    Master: { [CONSTRUCT]: sticky('sticky-session'), [CALL]: sticky('sticky-session') },
  },
  '@socket.io/sticky': {
    setupMaster: { [CALL]: sticky('@socket.io/sticky') },
    setupPrimary: { [CALL]: sticky('@socket.io/sticky') },
    setupWorker: { [CALL]: sticky('@socket.io/sticky') },
  },
  'sticky-cluster': { [CALL]: sticky('sticky-cluster') },
  'socketio-sticky-session': { [CALL]: sticky('socketio-sticky-session') },
  // Pulumi resources that only exist to make a load balancer sticky.
  '@pulumi/aws': { elb: PULUMI_AWS_ELB, lightsail: PULUMI_AWS_LIGHTSAIL },
  '@pulumi/aws/elb': PULUMI_AWS_ELB,
  '@pulumi/aws/lightsail': PULUMI_AWS_LIGHTSAIL,
  '@pulumi/azure-native': { web: AZURE_NATIVE_WEB },
  '@pulumi/azure-native/web': AZURE_NATIVE_WEB,
  ...GOOGLE_CLOUD_EVIDENCE,
};

/** Fastify session plugins, registered as `instance.register(plugin, opts)`: opts are `register`'s second argument. */
export interface FastifySessionPlugin {
  readonly library: string;
  /** Named exports that are the plugin itself (besides the default export and the module). */
  readonly pluginExports: readonly string[];
  /** An option that may switch the plugin to a stateless cookie mode: its presence means "cannot tell". */
  readonly statelessOption?: string;
}

export const FASTIFY_SESSION_PLUGINS: ReadonlyMap<string, FastifySessionPlugin> = new Map([
  // `opts.store = options.store || new Store()` (@fastify/session index.js:216, fastify-session lib/fastifySession.js:155).
  ['@fastify/session', { library: '@fastify/session', pluginExports: ['fastifySession'] }],
  ['fastify-session', { library: 'fastify-session', pluginExports: [] }],
  // "Defaults to a volatile in-memory store"; a stateless `crypto` (SODIUM_SECRETBOX) keeps everything in the cookie.
  ['@mgcrea/fastify-session', { library: '@mgcrea/fastify-session', pluginExports: [], statelessOption: 'crypto' }],
]);
