import rule, { type MessageId, type Options } from '../../src/rules/no-sticky-sessions.js';
import { runRuleTests, type Invalid, type Valid } from '../rule-tester.js';

const STRICT: Options = [{ reportSocketIoMemoryAdapter: true, reportAzureDefaultAffinity: true }];

const valid: Valid<Options>[] = [
  // --- shared stores: connect-redis in every major's import style ---
  "import session from 'express-session';\nimport RedisStore from 'connect-redis';\napp.use(session({ store: new RedisStore({ client }), secret: 's' }));",
  "import session from 'express-session';\nimport { RedisStore } from 'connect-redis';\napp.use(session({ store: new RedisStore({ client, prefix: 'app:' }), secret: 's', resave: false }));",
  "const session = require('express-session');\nconst RedisStore = require('connect-redis')(session);\napp.use(session({ store: new RedisStore({ client }), secret }));",
  "const session = require('express-session');\nconst { RedisStore } = require('connect-redis');\napp.use(session({ store: new RedisStore({ client }), secret }));",
  "const session = require('express-session');\nconst RedisStore = require('connect-redis').default;\napp.use(session({ store: new RedisStore({ client }), secret }));",
  "const session = require('express-session');\napp.use(session({ store: new (require('connect-redis')(session))({ client }), secret }));",
  // other shared stores
  "const session = require('express-session');\nconst pgSession = require('connect-pg-simple')(session);\napp.use(session({ store: new pgSession({ pool, tableName: 'user_sessions' }), secret }));",
  "import session from 'express-session';\nimport MongoStore from 'connect-mongo';\napp.use(session({ secret: 's', store: MongoStore.create({ mongoUrl: process.env.MONGO_URL }) }));",
  "const session = require('express-session');\nconst MemcachedStore = require('connect-memcached')(session);\napp.use(session({ secret, store: new MemcachedStore({ hosts: ['127.0.0.1:11211'] }) }));",
  "const session = require('express-session');\nconst MySQLStore = require('express-mysql-session')(session);\nconst sessionStore = new MySQLStore(dbOptions);\napp.use(session({ key: 'sid', secret, store: sessionStore, resave: false }));",
  "import session from 'express-session';\nimport { sessionStore } from './session-store.js';\napp.use(session({ store: sessionStore, secret: 's' }));",
  "import session from 'express-session';\nimport { PrismaSessionStore } from '@quixo3/prisma-session-store';\napp.use(session({ secret, store: new PrismaSessionStore(prisma, { checkPeriod: 120000 }) }));",
  "import session from 'express-session';\napp.use(session({ secret, store: createStore() }));",
  // options the rule cannot see into
  "import session from 'express-session';\nexport function sessionMiddleware(options) {\n  return session(options);\n}",
  "import session from 'express-session';\napp.use(session({ ...config.session, secret: 's' }));",
  "import session from 'express-session';\napp.use(session(buildSessionOptions()));",
  "const session = require('express-session');\nconst sess = { secret: 'keyboard cat', cookie: {} };\nif (useRedis) {\n  sess.store = new RedisStore({ client });\n}\napp.use(session(sess));",
  "const session = require('express-session');\nconst sessionOptions = { secret };\nObject.assign(sessionOptions, { store });\napp.use(session(sessionOptions));",
  "import session from 'express-session';\napp.use(session({ secret, store: process.env.REDIS_URL ? redisStore : undefined }));",
  // development-only memory stores
  "import session from 'express-session';\napp.use(session({ secret, store: isProduction ? new RedisStore({ client }) : new session.MemoryStore() }));",
  "const session = require('express-session');\nconst MemoryStore = require('memorystore')(session);\nconst store = redisClient ? new RedisStore({ client: redisClient }) : new MemoryStore({ checkPeriod: 86400000 });\napp.use(session({ store, secret }));",
  "import session, { MemoryStore } from 'express-session';\napp.use(session({ secret, store: sharedStore ?? new MemoryStore() }));",
  "const session = require('express-session');\nif (process.env.NODE_ENV !== 'production') {\n  app.use(session({ secret: 'dev' }));\n}",
  "const session = require('express-session');\nif (app.get('env') === 'development') app.use(session({ secret: 'dev' }));\nelse app.use(session({ secret, store: new RedisStore({ client }) }));",
  "const session = require('express-session');\nif (config.redisUrl) {\n  app.use(session({ secret, store: new RedisStore({ client: createClient({ url: config.redisUrl }) }) }));\n} else {\n  app.use(session({ secret }));\n}",
  "import session from 'express-session';\nlet store;\nif (process.env.REDIS_URL) {\n  store = new RedisStore({ client });\n} else {\n  store = new session.MemoryStore();\n}\napp.use(session({ store, secret }));",
  // cookie-only sessions
  "import cookieSession from 'cookie-session';\napp.use(cookieSession({ name: 'session', keys: [key1, key2], maxAge: 86400000 }));",
  "const session = require('koa-session');\napp.use(session({ key: 'koa.sess', maxAge: 86400000 }, app));",
  "import { getIronSession } from 'iron-session';\nconst session = await getIronSession(req, res, { password, cookieName: 'app' });",
  "const fastify = require('fastify')();\nfastify.register(require('@fastify/secure-session'), { key: fs.readFileSync('secret-key'), cookieName: 's' });",
  "import { createCookieSessionStorage } from 'react-router';\nexport const { getSession, commitSession } = createCookieSessionStorage({ cookie: { name: '__session', secrets } });",
  "import { createCookieSessionStorage } from '@remix-run/node';\nexport const storage = createCookieSessionStorage({ cookie });",
  "import { Hono } from 'hono';\nimport { sessionMiddleware, CookieStore } from 'hono-sessions';\napp.use('*', sessionMiddleware({ store: new CookieStore(), encryptionKey }));",
  // shared stores for the other middlewares
  "import fastifySession from '@fastify/session';\nimport RedisStore from 'connect-redis';\nfastify.register(fastifySession, { secret, store: new RedisStore({ client }) });",
  "import fastifySession from '@mgcrea/fastify-session';\nimport { SODIUM_SECRETBOX } from '@mgcrea/fastify-session-sodium-crypto';\nfastify.register(fastifySession, { secret, crypto: SODIUM_SECRETBOX });",
  "import fastifyCookie from '@fastify/cookie';\nfastify.register(fastifyCookie);\nfastify.register(fastifyCookie, { secret });",
  "const session = require('koa-generic-session');\nconst redisStore = require('koa-redis');\napp.use(session({ store: redisStore({ host: 'redis' }) }));",
  "import nextSession from 'next-session';\nimport { promisifyStore } from 'next-session/lib/compat';\nexport const getSession = nextSession({ store: promisifyStore(new RedisStore({ client })) });",
  "import { createSessionStorage } from '@remix-run/node';\nexport const storage = createSessionStorage({ cookie, createData, readData, updateData, deleteData });",
  "import { createWorkersKVSessionStorage } from '@remix-run/cloudflare';\nexport const storage = createWorkersKVSessionStorage({ kv: env.SESSIONS, cookie });",
  // not the libraries
  "function session(options) { return options; }\napp.use(session({ secret: 's' }));",
  { code: "import type { SessionOptions } from 'express-session';\nconst options: SessionOptions = { secret: 's' };", parsers: ['ts'] },
  "import { MemoryStore } from 'express-rate-limit';\nconst limiterStore = new MemoryStore();",
  "import { setupPrimary } from '@socket.io/cluster-adapter';\nsetupPrimary();",
  "function setupMaster(server) { return server; }\nsetupMaster(httpServer);",
  // allowStores
  {
    code: "const session = require('express-session');\nconst FileStore = require('session-file-store')(session);\napp.use(session({ store: new FileStore({ path: '/mnt/efs/sessions' }), secret }));",
    options: [{ allowStores: ['FileStore'] }],
  },
  {
    code: "import session from 'express-session';\nimport createMemoryStore from 'memorystore';\nconst MemoryStore = createMemoryStore(session);\napp.use(session({ store: new MemoryStore({ checkPeriod: 86400000 }), secret }));",
    options: [{ allowStores: ['memorystore'] }],
  },
  "import fastifySession from '@mgcrea/fastify-session';\nimport { RedisStore } from '@mgcrea/fastify-session-redis-store';\nfastify.register(fastifySession, { secret, store: new RedisStore({ client: new Redis(REDIS_URI), ttl: 86400 }) });",
  "const session = require('koa-session');\napp.use(session({ store: redisSessionStore, key: 'sid' }, app));",
  "import fastifySession from '@fastify/session';\nimport { sessionOptions } from './config.js';\nfastify.register(fastifySession, sessionOptions);",
  "import fastifySession from '@fastify/session';\nfastify.register(fastifySession, (instance) => ({ secret: instance.config.SECRET }));",
  "const session = require('express-session');\nswitch (process.env.NODE_ENV) {\n  case 'development':\n  case 'test':\n    app.use(session({ secret: 'dev' }));\n    break;\n  default:\n    app.use(session({ secret, store: new RedisStore({ client }) }));\n}",
  // --- infrastructure: stickiness off, absent or unknown ---
  "import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';\nnew elbv2.ApplicationTargetGroup(this, 'Tg', { vpc, port: 80, targets: [asg] });",
  "import { ApplicationTargetGroup } from 'aws-cdk-lib/aws-elasticloadbalancingv2';\nexport class Api extends Construct {\n  constructor(scope, id, props) {\n    super(scope, id);\n    new ApplicationTargetGroup(this, 'Tg', { vpc: props.vpc, port: 80, stickinessCookieDuration: props.stickiness });\n  }\n}",
  "new ApplicationTargetGroup(this, 'Tg', { vpc, port: 80, stickinessCookieDuration: undefined });",
  "targetGroup.setAttribute('stickiness.enabled', 'false');",
  "new CfnTargetGroup(this, 'Tg', { targetGroupAttributes: [{ key: 'stickiness.enabled', value: 'false' }, { key: 'deregistration_delay.timeout_seconds', value: '30' }] });",
  "import * as aws from '@pulumi/aws';\nnew aws.lb.TargetGroup('tg', { port: 80, protocol: 'HTTP', vpcId, stickiness: { type: 'lb_cookie', enabled: false } });",
  "import * as aws from '@pulumi/aws';\nnew aws.lb.Listener('l', { loadBalancerArn, defaultActions: [{ type: 'forward', forward: { targetGroups, stickiness: { enabled: true, duration: 600 } } }] });",
  "const header = { stickiness: { top: 0, zIndex: 10 } };",
  "new k8s.core.v1.Service('web', { spec: { type: 'ClusterIP', sessionAffinity: 'None', ports } });",
  "new gcp.compute.BackendService('be', { sessionAffinity: 'NONE', backends });",
  "const widget = { sessionAffinity: true, theme: 'dark' };",
  "new KubeService(this, 'svc', { spec: { sessionAffinity: props.affinity, ports } });",
  "const { sessionAffinity } = service.spec;",
  "new k8s.networking.v1.Ingress('web', { metadata: { annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'true' } }, spec });",
  "new azure_native.web.WebApp('app', { serverFarmId, clientAffinityEnabled: false, siteConfig });",
  "import * as azure_native from '@pulumi/azure-native';\nnew azure_native.web.WebApp('app', { resourceGroupName, serverFarmId });",
  "new network.ApplicationGateway('gw', { backendHttpSettingsCollection: [{ name: 'http', port: 80, cookieBasedAffinity: 'Disabled' }] });",
  "import * as aws from '@pulumi/aws';\nnew aws.lightsail.LbStickinessPolicy('p', { lbName, cookieDuration: 900, enabled: false });",
  "ingress.metadata.addAnnotation('alb.ingress.kubernetes.io/target-group-attributes', 'stickiness.enabled=false,deregistration_delay.timeout_seconds=30');",
  "new aws.elasticbeanstalk.Environment('env', { application, settings: [{ namespace: 'aws:elasticbeanstalk:environment:process:default', name: 'StickinessEnabled', value: 'false' }] });",
  "const flags = [{ name: 'StickinessEnabled', value: 'true' }];",
  "new CfnTargetGroup(this, 'Tg', { targetGroupAttributes: [{ key: 'stickiness.enabled', value: stickyEnabled }] });",
  // strict checks stay off by default and are satisfied by the right settings
  "import { Server } from 'socket.io';\nconst io = new Server(httpServer, { cors: { origin } });",
  {
    code: "import { Server } from 'socket.io';\nconst io = new Server(httpServer, { transports: ['websocket'] });",
    options: STRICT,
  },
  {
    code: "import { Server } from 'socket.io';\nimport { createAdapter } from '@socket.io/redis-adapter';\nconst io = new Server(httpServer, { adapter: createAdapter(pubClient, subClient) });",
    options: STRICT,
  },
  {
    code: "import * as azure_native from '@pulumi/azure-native';\nnew azure_native.web.WebApp('app', { resourceGroupName, serverFarmId, clientAffinityEnabled: false });",
    options: STRICT,
  },
  {
    code: "import * as web from '@pulumi/azure-native/web';\nnew web.WebApp('app', { ...sharedArgs, serverFarmId });",
    options: STRICT,
  },
  // The handlers are reached through narrow selectors: names outside them are skipped, and `name` counts only next to a `namespace`.
  "new aws.elasticbeanstalk.Environment('env', { application, settings: [{ name: 'StickinessEnabled', value: 'true' }] });",
  "targetGroup.setAttributes('stickiness.enabled', 'true');",
  "const service = { spec: { [affinityKey]: 'ClientIP' } };",
  "const service = { spec: { sessionAffinity: 'None', ['session' + 'Affinity2']: 'ClientIP' } };",
];

const invalid: Invalid<MessageId, Options>[] = [
  // --- 1. session middleware without a store: every import style ---
  {
    code: "import session from 'express-session';\napp.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 2, column: 9 }],
  },
  {
    code: "const session = require('express-session');\napp.use(session({ secret: process.env.SESSION_SECRET }));",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 2, column: 9 }],
  },
  {
    code: "import expressSession from 'express-session';\nexport const sessions = expressSession({ secret });",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 2, column: 25 }],
  },
  {
    code: "import * as session from 'express-session';\napp.use(session({ secret }));",
    parsers: ['ts'],
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 2, column: 9 }],
  },
  {
    code: "import session = require('express-session');\napp.use(session({ secret: 's' }));",
    parsers: ['ts'],
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 2, column: 9 }],
  },
  {
    code: "app.use(require('express-session')({ secret: 's', cookie: { maxAge: 60000 } }));",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 1, column: 9 }],
  },
  {
    code: "const s = require('express-session');\nconst makeSession = s;\nfunction setup(app) {\n  app.use(makeSession({ secret }));\n}",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 4, column: 11 }],
  },
  {
    code: "const session = require('express-session');\nconst sessionConfig = { secret: 's', cookie: { secure: true, maxAge: 3600000 } };\napp.use(session(sessionConfig));",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 3, column: 9 }],
  },
  {
    code: "const session = require('express-session');\nconst base = { secret, name: 'sid' };\napp.use(session({ ...base, resave: false }));",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 3, column: 9 }],
  },
  {
    code: "import session, { type SessionOptions } from 'express-session';\nconst options = { secret: 's', resave: false } satisfies SessionOptions;\napp.use(session(options as SessionOptions));",
    parsers: ['ts'],
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 3, column: 9 }],
  },
  {
    code: "const session = require('express-session');\nconst sessionMiddleware = session({ secret: 'changeit', resave: false, saveUninitialized: false });\napp.use(sessionMiddleware);\nio.engine.use(sessionMiddleware);",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 2, column: 27 }],
  },
  {
    code: "const session = require('express-session');\napp.use(session());",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 2, column: 9 }],
  },
  {
    code: "const session = require('express-session');\napp.use(session({ secret, store: undefined }));",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 2, column: 9 }],
  },
  {
    code: "const { default: session } = await import('express-session');\napp.use(session({ secret }));",
    parsers: ['esm', 'ts'],
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 2, column: 9 }],
  },
  {
    code: "const session = require('express-session');\nif (process.env.NODE_ENV === 'production') {\n  app.set('trust proxy', 1);\n  app.use(session({ secret, cookie: { secure: true } }));\n}",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 4, column: 11 }],
  },
  {
    code: "const express = require('express');\napp.use(express.session({ secret: 'keyboard cat' }));",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express.session' }, line: 2, column: 9 }],
  },
  {
    code: "const session = require('express-session');\nconst sess = { secret: 'keyboard cat', cookie: {} };\nif (app.get('env') === 'production') {\n  app.set('trust proxy', 1);\n  sess.cookie.secure = true;\n}\napp.use(session(sess));",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 7, column: 9 }],
  },
  {
    code: "const nextSession = require('next-session').default;\nconst getSession = nextSession({ autoCommit: false });",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'next-session' }, line: 2, column: 20 }],
  },
  // --- 1. explicit process-memory stores ---
  {
    code: "const session = require('express-session');\napp.use(session({ store: new session.MemoryStore(), secret }));",
    errors: [{ messageId: 'memoryStore', data: { store: "express-session's MemoryStore" }, line: 2, column: 26 }],
  },
  {
    code: "import session, { MemoryStore } from 'express-session';\napp.use(session({ secret, store: new MemoryStore() }));",
    errors: [{ messageId: 'memoryStore', data: { store: "express-session's MemoryStore" }, line: 2, column: 34 }],
  },
  {
    code: "const { MemoryStore } = require('express-session');\nexport const sessionStore = new MemoryStore();",
    parsers: ['esm', 'ts'],
    errors: [{ messageId: 'memoryStore', data: { store: "express-session's MemoryStore" }, line: 2, column: 29 }],
  },
  {
    code: "const session = require('express-session');\nconst MemoryStore = require('memorystore')(session);\napp.use(session({\n  cookie: { maxAge: 86400000 },\n  store: new MemoryStore({ checkPeriod: 86400000 }),\n  resave: false,\n  secret: 'keyboard cat',\n}));",
    errors: [{ messageId: 'memoryStore', data: { store: "memorystore's MemoryStore" }, line: 5, column: 10 }],
  },
  {
    code: "import session from 'express-session';\nimport createMemoryStore from 'memorystore';\nconst MemoryStore = createMemoryStore(session);\nconst store = new MemoryStore({ checkPeriod: 86400000 });\napp.use(session({ store, secret }));",
    errors: [{ messageId: 'memoryStore', data: { store: "memorystore's MemoryStore" }, line: 4, column: 15 }],
  },
  {
    code: "const session = require('express-session');\napp.use(session({ secret, store: new (require('memorystore')(session))({ checkPeriod: 864e5 }) }));",
    errors: [{ messageId: 'memoryStore', data: { store: "memorystore's MemoryStore" }, line: 2, column: 34 }],
  },
  {
    code: "import session from 'express-session';\napp.use(session({ secret, store: flag ? new session.MemoryStore() : new session.MemoryStore({}) }));",
    errors: [
      { messageId: 'memoryStore', data: { store: "express-session's MemoryStore" }, line: 2, column: 41 },
      { messageId: 'memoryStore', data: { store: "express-session's MemoryStore" }, line: 2, column: 69 },
    ],
  },
  {
    code: "const { MemoryStore: SessionMemoryStore } = require('express-session');\nmodule.exports.store = new SessionMemoryStore();",
    errors: [{ messageId: 'memoryStore', data: { store: "express-session's MemoryStore" }, line: 2, column: 24 }],
  },
  {
    code: "import session from 'express-session';\nlet store;\nstore = new session.MemoryStore();\napp.use(session({ store, secret }));",
    errors: [{ messageId: 'memoryStore', data: { store: "express-session's MemoryStore" }, line: 3, column: 9 }],
  },
  {
    code: "const session = require('express-session');\nif (config.sessions) {\n  app.use(session({ secret }));\n} else {\n  app.use(noSessions());\n}",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'express-session' }, line: 3, column: 11 }],
  },
  // @fastify/session, registered with any receiver
  {
    code: "import Fastify from 'fastify';\nimport fastifyCookie from '@fastify/cookie';\nimport fastifySession from '@fastify/session';\nconst app = Fastify();\napp.register(fastifyCookie);\napp.register(fastifySession, { secret: 'a secret with minimum length of 32 characters' });",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: '@fastify/session' }, line: 6, column: 1 }],
  },
  {
    code: "module.exports = async function (server) {\n  await server.register(require('@fastify/session'), { secret, cookie: { secure: false } });\n};",
    parsers: ['cjs', 'ts'],
    errors: [{ messageId: 'defaultMemoryStore', data: { library: '@fastify/session' }, line: 2, column: 9 }],
  },
  {
    code: "import { fastifySession as sessionPlugin } from '@fastify/session';\nconst sessionOptions = { secret, cookieName: 'sid' };\nserver.register(sessionPlugin, sessionOptions);",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: '@fastify/session' }, line: 3, column: 1 }],
  },
  {
    code: "const { fastifySession } = require('@fastify/session');\nconst plugin = require('@fastify/session').default;\napp.register(fastifySession, { secret });\napp.register(plugin, { secret, store: undefined });",
    errors: [
      { messageId: 'defaultMemoryStore', data: { library: '@fastify/session' }, line: 3, column: 1 },
      { messageId: 'defaultMemoryStore', data: { library: '@fastify/session' }, line: 4, column: 1 },
    ],
  },
  {
    code: "await app.register(import('@fastify/session'), { secret });",
    parsers: ['esm', 'ts'],
    errors: [{ messageId: 'defaultMemoryStore', data: { library: '@fastify/session' }, line: 1, column: 7 }],
  },
  {
    code: "import fastifySession from '@fastify/session';\nfastify.register(fastifySession, { secret, store: new fastifySession.MemoryStore() });",
    errors: [{ messageId: 'memoryStore', data: { store: "@fastify/session's MemoryStore" }, line: 2, column: 51 }],
  },
  {
    code: "const fastifySession = require('fastify-session');\nfastify.register(fastifySession, { secret });",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'fastify-session' }, line: 2, column: 1 }],
  },
  {
    code: "import fastifySession from '@mgcrea/fastify-session';\nfastify.register(fastifySession, { secret: SESSION_SECRET, cookie: { maxAge: 86400 } });",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: '@mgcrea/fastify-session' }, line: 2, column: 1 }],
  },
  // koa-generic-session, next-session, hono-sessions
  {
    code: "const session = require('koa-generic-session');\napp.keys = ['keys'];\napp.use(session());",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'koa-generic-session' }, line: 3, column: 9 }],
  },
  {
    code: "const session = require('koa-generic-session');\napp.use(session({ store: new session.MemoryStore(), ttl: 3600000 }));",
    errors: [{ messageId: 'memoryStore', data: { store: "koa-generic-session's MemoryStore" }, line: 2, column: 26 }],
  },
  {
    code: "import nextSession from 'next-session';\nexport const getSession = nextSession({ cookie: { maxAge: 86400 } });",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'next-session' }, line: 2, column: 27 }],
  },
  {
    code: "import { withSession } from 'next-session';\nexport default withSession(handler, { name: 'sid' });",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: 'next-session' }, line: 2, column: 16 }],
  },
  {
    code: "import { Hono } from 'hono';\nimport { sessionMiddleware, MemoryStore } from 'hono-sessions';\nconst store = new MemoryStore();\napp.use('*', sessionMiddleware({ store, encryptionKey: 'password_at_least_32_characters_long' }));",
    errors: [{ messageId: 'memoryStore', data: { store: "hono-sessions's MemoryStore" }, line: 3, column: 15 }],
  },
  // Remix / React Router
  {
    code: "import { createMemorySessionStorage } from '@remix-run/node';\nexport const { getSession, commitSession } = createMemorySessionStorage({ cookie: sessionCookie });",
    errors: [{ messageId: 'memorySessionStorage', data: { library: '@remix-run/node' }, line: 2, column: 46 }],
  },
  {
    code: "import { createMemorySessionStorage as memoryStorage } from 'react-router';\nconst storage = memoryStorage({ cookie: { name: '__session' } });",
    errors: [{ messageId: 'memorySessionStorage', data: { library: 'react-router' }, line: 2, column: 17 }],
  },
  {
    code: "import * as cf from '@remix-run/cloudflare';\nexport const storage = cf.createMemorySessionStorage();",
    errors: [{ messageId: 'memorySessionStorage', data: { library: '@remix-run/cloudflare' }, line: 2, column: 24 }],
  },
  // stores on the host's disk
  {
    code: "const session = require('express-session');\nconst FileStore = require('session-file-store')(session);\napp.use(session({ store: new FileStore({ path: './sessions' }), secret: 'keyboard cat' }));",
    errors: [{ messageId: 'diskStore', data: { store: "session-file-store's FileStore" }, line: 3, column: 26 }],
  },
  {
    code: "import session from 'express-session';\nimport sessionFileStore from 'session-file-store';\nconst FileStore = sessionFileStore(session);\napp.use(session({ secret, store: new FileStore() }));",
    errors: [{ messageId: 'diskStore', data: { store: "session-file-store's FileStore" }, line: 4, column: 34 }],
  },
  {
    code: "const session = require('express-session');\nconst SQLiteStore = require('connect-sqlite3')(session);\napp.use(session({ store: new SQLiteStore({ db: 'sessions.db', dir: './var/db' }), secret }));",
    errors: [{ messageId: 'diskStore', data: { store: "connect-sqlite3's SQLiteStore" }, line: 3, column: 26 }],
  },
  {
    code: "import { createFileSessionStorage } from '@remix-run/node';\nexport const storage = createFileSessionStorage({ dir: '/app/sessions', cookie });",
    errors: [{ messageId: 'fileSessionStorage', data: { library: '@remix-run/node' }, line: 2, column: 24 }],
  },
  {
    code: "import { createFileSessionStorage } from '@react-router/node';\nexport const storage = createFileSessionStorage({ dir: './sessions', cookie });",
    errors: [{ messageId: 'fileSessionStorage', data: { library: '@react-router/node' }, line: 2, column: 24 }],
  },
  {
    code: "import session from 'express-session';\nconst FileStore = require('session-file-store')(session);\napp.use(session({ store: new FileStore(), secret }));",
    options: [{ allowStores: ['RedisStore'] }],
    errors: [{ messageId: 'diskStore', data: { store: "session-file-store's FileStore" }, line: 3, column: 26 }],
  },
  // --- 2. sticky routing ---
  {
    code: "const sticky = require('sticky-session');\nconst server = require('http').createServer(app);\nif (!sticky.listen(server, 3000)) {\n  server.once('listening', () => console.log('started'));\n}",
    errors: [{ messageId: 'stickyRouting', data: { library: 'sticky-session' }, line: 3, column: 6 }],
  },
  {
    code: "import { Master } from 'sticky-session';\nconst master = new Master(4);",
    errors: [{ messageId: 'stickyRouting', data: { library: 'sticky-session' }, line: 2, column: 16 }],
  },
  {
    code: "const { setupMaster, setupWorker } = require('@socket.io/sticky');\nif (cluster.isMaster) {\n  setupMaster(httpServer, { loadBalancingMethod: 'least-connection' });\n} else {\n  setupWorker(io);\n}",
    errors: [
      { messageId: 'stickyRouting', data: { library: '@socket.io/sticky' }, line: 3, column: 3 },
      { messageId: 'stickyRouting', data: { library: '@socket.io/sticky' }, line: 5, column: 3 },
    ],
  },
  {
    code: "import { setupPrimary as setupStickyPrimary } from '@socket.io/sticky';\nsetupStickyPrimary(httpServer, { loadBalancingMethod: 'random' });",
    errors: [{ messageId: 'stickyRouting', data: { library: '@socket.io/sticky' }, line: 2, column: 1 }],
  },
  {
    code: "require('sticky-cluster')(function (callback) {\n  callback(server);\n}, { concurrency: 4, port: 3000 });",
    errors: [{ messageId: 'stickyRouting', data: { library: 'sticky-cluster' }, line: 1, column: 1 }],
  },
  {
    code: "import sticky from 'socketio-sticky-session';\nsticky({ num: 4 }, () => server);",
    errors: [{ messageId: 'stickyRouting', data: { library: 'socketio-sticky-session' }, line: 2, column: 1 }],
  },
  // --- 3. load-balancer stickiness in infrastructure code ---
  {
    code: "import { Duration } from 'aws-cdk-lib';\nimport * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';\nnew elbv2.ApplicationTargetGroup(this, 'Tg', {\n  vpc,\n  port: 80,\n  stickinessCookieDuration: Duration.hours(1),\n});",
    errors: [{ messageId: 'loadBalancerStickiness', data: { setting: 'AWS CDK `stickinessCookieDuration`' }, line: 6, column: 3 }],
  },
  {
    code: "listener.addTargets('Fleet', { port: 8080, targets: [asg], stickinessCookieDuration: cdk.Duration.days(1), stickinessCookieName: 'app' });",
    errors: [{ messageId: 'loadBalancerStickiness', data: { setting: 'AWS CDK `stickinessCookieDuration`' }, line: 1, column: 60 }],
  },
  {
    code: "const sticky = { stickinessCookieDuration: props.cookieDuration ?? Duration.minutes(30) };",
    errors: [{ messageId: 'loadBalancerStickiness', data: { setting: 'AWS CDK `stickinessCookieDuration`' }, line: 1, column: 18 }],
  },
  {
    code: "service.targetGroup.enableCookieStickiness(Duration.minutes(5));",
    errors: [{ messageId: 'loadBalancerStickiness', data: { setting: 'AWS CDK `enableCookieStickiness()`' }, line: 1, column: 1 }],
  },
  {
    code: "targetGroup.setAttribute('stickiness.enabled', 'true');\ntargetGroup.setAttribute('stickiness.type', 'source_ip');",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: "AWS CDK `setAttribute('stickiness.enabled', 'true')`" },
        line: 1,
        column: 1,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: "'false'" },
            output: "targetGroup.setAttribute('stickiness.enabled', 'false');\ntargetGroup.setAttribute('stickiness.type', 'source_ip');",
          },
        ],
      },
    ],
  },
  {
    code: "new CfnTargetGroup(this, 'Tg', {\n  targetGroupAttributes: [\n    { key: 'stickiness.enabled', value: 'true' },\n    { key: 'stickiness.type', value: 'lb_cookie' },\n  ],\n});",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: "Target-group attribute `stickiness.enabled: 'true'`" },
        line: 3,
        column: 34,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: "'false'" },
            output: "new CfnTargetGroup(this, 'Tg', {\n  targetGroupAttributes: [\n    { key: 'stickiness.enabled', value: 'false' },\n    { key: 'stickiness.type', value: 'lb_cookie' },\n  ],\n});",
          },
        ],
      },
    ],
  },
  {
    code: 'cfnTargetGroup.addPropertyOverride("TargetGroupAttributes", [{ Key: "stickiness.enabled", Value: "true" }]);',
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: "Target-group attribute `stickiness.enabled: 'true'`" },
        line: 1,
        column: 91,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: '"false"' },
            output: 'cfnTargetGroup.addPropertyOverride("TargetGroupAttributes", [{ Key: "stickiness.enabled", Value: "false" }]);',
          },
        ],
      },
    ],
  },
  {
    code: "import * as aws from '@pulumi/aws';\nconst tg = new aws.lb.TargetGroup('web', {\n  port: 80,\n  protocol: 'HTTP',\n  vpcId: vpc.id,\n  stickiness: { type: 'lb_cookie', cookieDuration: 86400 },\n});",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: 'Target-group `stickiness` (Pulumi / Terraform, enabled unless `enabled: false`)' },
        line: 6,
        column: 3,
      },
    ],
  },
  {
    code: "const aws = require('@pulumi/aws');\nnew aws.alb.TargetGroup('api', { port: 3000, stickiness: { enabled: true, type: 'app_cookie', cookieName: 'SESSION' } });",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: 'Target-group `stickiness` (Pulumi / Terraform, enabled unless `enabled: false`)' },
        line: 2,
        column: 46,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: 'false' },
            output: "const aws = require('@pulumi/aws');\nnew aws.alb.TargetGroup('api', { port: 3000, stickiness: { enabled: false, type: 'app_cookie', cookieName: 'SESSION' } });",
          },
        ],
      },
    ],
  },
  {
    code: "new LbTargetGroup(this, 'tg', { name: 'web', port: 80, stickiness: { type: 'source_ip', enabled: true } });",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: 'Target-group `stickiness` (Pulumi / Terraform, enabled unless `enabled: false`)' },
        line: 1,
        column: 56,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: 'false' },
            output: "new LbTargetGroup(this, 'tg', { name: 'web', port: 80, stickiness: { type: 'source_ip', enabled: false } });",
          },
        ],
      },
    ],
  },
  {
    code: "const service = {\n  apiVersion: 'v1',\n  kind: 'Service',\n  spec: { selector: { app: 'web' }, sessionAffinity: 'ClientIP', ports: [{ port: 80 }] },\n};",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: "Kubernetes Service `sessionAffinity: 'ClientIP'`" },
        line: 4,
        column: 37,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: "'None'" },
            output: "const service = {\n  apiVersion: 'v1',\n  kind: 'Service',\n  spec: { selector: { app: 'web' }, sessionAffinity: 'None', ports: [{ port: 80 }] },\n};",
          },
        ],
      },
    ],
  },
  {
    code: "import { KubeService } from './imports/k8s';\nnew KubeService(this, 'svc', { spec: { sessionAffinity: 'ClientIP' as const, ports } });",
    parsers: ['ts'],
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: "Kubernetes Service `sessionAffinity: 'ClientIP'`" },
        line: 2,
        column: 40,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: "'None'" },
            output: "import { KubeService } from './imports/k8s';\nnew KubeService(this, 'svc', { spec: { sessionAffinity: 'None' as const, ports } });",
          },
        ],
      },
    ],
  },
  {
    code: "import * as k8s from '@pulumi/kubernetes';\nconst AFFINITY = 'ClientIP';\nnew k8s.core.v1.Service('web', { spec: { type: 'LoadBalancer', sessionAffinity: AFFINITY } });",
    errors: [{ messageId: 'loadBalancerStickiness', data: { setting: "Kubernetes Service `sessionAffinity: 'ClientIP'`" }, line: 3, column: 64 }],
  },
  {
    code: "new k8s.networking.v1.Ingress('web', {\n  metadata: { annotations: { 'nginx.ingress.kubernetes.io/affinity': 'cookie', 'nginx.ingress.kubernetes.io/session-cookie-name': 'route' } },\n  spec,\n});",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: "ingress-nginx annotation `nginx.ingress.kubernetes.io/affinity: 'cookie'`" },
        line: 2,
        column: 30,
      },
    ],
  },
  {
    code: "ingress.metadata.addAnnotation('nginx.ingress.kubernetes.io/affinity', 'cookie');",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: "ingress-nginx annotation `nginx.ingress.kubernetes.io/affinity: 'cookie'`" },
        line: 1,
        column: 1,
      },
    ],
  },
  {
    code: "const annotations = { 'alb.ingress.kubernetes.io/target-group-attributes': 'stickiness.enabled=true,stickiness.lb_cookie.duration_seconds=60' };",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: 'AWS Load Balancer Controller annotation `target-group-attributes: stickiness.enabled=true`' },
        line: 1,
        column: 23,
      },
    ],
  },
  {
    code: "import * as azure_native from '@pulumi/azure-native';\nnew azure_native.web.WebApp('app', { resourceGroupName, serverFarmId, clientAffinityEnabled: true });",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: 'Azure App Service `clientAffinityEnabled: true`' },
        line: 2,
        column: 71,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: 'false' },
            output: "import * as azure_native from '@pulumi/azure-native';\nnew azure_native.web.WebApp('app', { resourceGroupName, serverFarmId, clientAffinityEnabled: false });",
          },
        ],
      },
    ],
  },
  {
    code: "new network.ApplicationGateway('gw', { backendHttpSettingsCollection: [{ name: 'http', port: 80, cookieBasedAffinity: network.ApplicationGatewayCookieBasedAffinity.Enabled }] });",
    errors: [{ messageId: 'loadBalancerStickiness', data: { setting: "Azure Application Gateway `cookieBasedAffinity: 'Enabled'`" }, line: 1, column: 98 }],
  },
  {
    code: "new app.ContainerApp('api', { configuration: { ingress: { external: true, targetPort: 3000, stickySessions: { affinity: 'sticky' } } } });",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: "Azure Container Apps `stickySessions: { affinity: 'sticky' }`" },
        line: 1,
        column: 93,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: "'none'" },
            output: "new app.ContainerApp('api', { configuration: { ingress: { external: true, targetPort: 3000, stickySessions: { affinity: 'none' } } } });",
          },
        ],
      },
    ],
  },
  {
    code: "import * as gcp from '@pulumi/gcp';\nnew gcp.compute.BackendService('web', { backends, sessionAffinity: 'GENERATED_COOKIE', affinityCookieTtlSec: 3600 });",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: "Google Cloud backend service `sessionAffinity: 'GENERATED_COOKIE'`" },
        line: 2,
        column: 51,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: "'NONE'" },
            output: "import * as gcp from '@pulumi/gcp';\nnew gcp.compute.BackendService('web', { backends, sessionAffinity: 'NONE', affinityCookieTtlSec: 3600 });",
          },
        ],
      },
    ],
  },
  {
    code: "import * as gcp from '@pulumi/gcp';\nnew gcp.appengine.FlexibleAppVersion('v1', { service: 'default', network: { name: 'default', sessionAffinity: true } });",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: 'Cloud Run / App Engine `sessionAffinity: true`' },
        line: 2,
        column: 94,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: 'false' },
            output: "import * as gcp from '@pulumi/gcp';\nnew gcp.appengine.FlexibleAppVersion('v1', { service: 'default', network: { name: 'default', sessionAffinity: false } });",
          },
        ],
      },
    ],
  },
  {
    code: "new CloudRunV2Service(this, 'run', { name: 'api', location, template: { containers: [{ image }], sessionAffinity: true } });",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: 'Cloud Run / App Engine `sessionAffinity: true`' },
        line: 1,
        column: 98,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: 'false' },
            output: "new CloudRunV2Service(this, 'run', { name: 'api', location, template: { containers: [{ image }], sessionAffinity: false } });",
          },
        ],
      },
    ],
  },
  {
    code: "const backendConfig = { apiVersion: 'cloud.google.com/v1', kind: 'BackendConfig', spec: { sessionAffinity: { affinityType: 'CLIENT_IP' } } };",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: "GKE BackendConfig `sessionAffinity.affinityType: 'CLIENT_IP'`" },
        line: 1,
        column: 91,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: "'NONE'" },
            output: "const backendConfig = { apiVersion: 'cloud.google.com/v1', kind: 'BackendConfig', spec: { sessionAffinity: { affinityType: 'NONE' } } };",
          },
        ],
      },
    ],
  },
  {
    code: "new lightsail.CfnLoadBalancer(this, 'Lb', { instancePort: 80, loadBalancerName: 'web', sessionStickinessEnabled: true });",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: 'Lightsail load balancer `sessionStickinessEnabled: true`' },
        line: 1,
        column: 88,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: 'false' },
            output: "new lightsail.CfnLoadBalancer(this, 'Lb', { instancePort: 80, loadBalancerName: 'web', sessionStickinessEnabled: false });",
          },
        ],
      },
    ],
  },
  {
    code: "import * as aws from '@pulumi/aws';\nnew aws.elb.AppCookieStickinessPolicy('sticky', { loadBalancer: lb.name, lbPort: 80, cookieName: 'SESSION' });",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: 'Pulumi aws.elb.AppCookieStickinessPolicy' },
        line: 2,
        column: 1,
      },
    ],
  },
  {
    code: "new elasticbeanstalk.CfnEnvironment(this, 'Env', { optionSettings: [{ namespace: 'aws:elasticbeanstalk:environment:process:default', optionName: 'StickinessEnabled', value: 'true' }] });",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: "Elastic Beanstalk option `StickinessEnabled: 'true'`" },
        line: 1,
        column: 167,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: "'false'" },
            output: "new elasticbeanstalk.CfnEnvironment(this, 'Env', { optionSettings: [{ namespace: 'aws:elasticbeanstalk:environment:process:default', optionName: 'StickinessEnabled', value: 'false' }] });",
          },
        ],
      },
    ],
  },
  {
    code: "new aws.elasticbeanstalk.Environment('env', {\n  application: app.name,\n  settings: [{ namespace: 'aws:elasticbeanstalk:environment:process:default', name: 'StickinessEnabled', value: 'true' }],\n});",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: "Elastic Beanstalk option `StickinessEnabled: 'true'`" },
        line: 3,
        column: 106,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: "'false'" },
            output: "new aws.elasticbeanstalk.Environment('env', {\n  application: app.name,\n  settings: [{ namespace: 'aws:elasticbeanstalk:environment:process:default', name: 'StickinessEnabled', value: 'false' }],\n});",
          },
        ],
      },
    ],
  },
  // --- strict-only checks ---
  {
    code: "import { createServer } from 'node:http';\nimport { Server } from 'socket.io';\nconst httpServer = createServer(app);\nconst io = new Server(httpServer, { cors: { origin: '*' } });",
    options: STRICT,
    errors: [{ messageId: 'socketIoMemoryAdapter', line: 4, column: 12 }],
  },
  {
    code: "const io = require('socket.io')(server);\nio.on('connection', (socket) => socket.join('room'));",
    options: [{ reportSocketIoMemoryAdapter: true }],
    errors: [{ messageId: 'socketIoMemoryAdapter', line: 1, column: 12 }],
  },
  {
    code: "import * as azure_native from '@pulumi/azure-native';\nnew azure_native.web.WebApp('app', { resourceGroupName, serverFarmId, siteConfig: { alwaysOn: true } });",
    options: STRICT,
    errors: [{ messageId: 'azureDefaultAffinity', data: { resource: 'web.WebApp' }, line: 2, column: 1 }],
  },
  // Computed and wrapped callees, literal and computed keys: the same checks as the plain spellings.
  {
    code: "service.targetGroup['enableCookieStickiness'](Duration.minutes(5));",
    errors: [{ messageId: 'loadBalancerStickiness', data: { setting: 'AWS CDK `enableCookieStickiness()`' }, line: 1, column: 1 }],
  },
  {
    code: "const METHOD = 'enableCookieStickiness';\nservice.targetGroup[METHOD](Duration.minutes(5));",
    errors: [{ messageId: 'loadBalancerStickiness', data: { setting: 'AWS CDK `enableCookieStickiness()`' }, line: 2, column: 1 }],
  },
  {
    code: "(service.targetGroup.enableCookieStickiness as (d: Duration) => void)(Duration.minutes(5));\nservice.targetGroup.enableCookieStickiness!(Duration.minutes(5));",
    parsers: ['ts'],
    errors: [{ messageId: 'loadBalancerStickiness', data: { setting: 'AWS CDK `enableCookieStickiness()`' }, line: 1, column: 1 }, { messageId: 'loadBalancerStickiness', data: { setting: 'AWS CDK `enableCookieStickiness()`' }, line: 2, column: 1 }],
  },
  {
    code: "service?.targetGroup?.enableCookieStickiness(Duration.minutes(5));",
    errors: [{ messageId: 'loadBalancerStickiness', data: { setting: 'AWS CDK `enableCookieStickiness()`' }, line: 1, column: 1 }],
  },
  {
    code: "const service = { spec: { 'sessionAffinity': 'ClientIP' } };",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: "Kubernetes Service `sessionAffinity: 'ClientIP'`" },
        line: 1,
        column: 27,
        suggestions: [
          { messageId: 'disableStickiness', data: { replacement: "'None'" }, output: "const service = { spec: { 'sessionAffinity': 'None' } };" },
        ],
      },
    ],
  },
  {
    code: "const KEY = 'sessionAffinity';\nconst service = { spec: { [KEY]: 'ClientIP', ['session' + 'Affinity']: 'ClientIP' } };",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: "Kubernetes Service `sessionAffinity: 'ClientIP'`" },
        line: 2,
        column: 27,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: "'None'" },
            output: "const KEY = 'sessionAffinity';\nconst service = { spec: { [KEY]: 'None', ['session' + 'Affinity']: 'ClientIP' } };",
          },
        ],
      },
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: "Kubernetes Service `sessionAffinity: 'ClientIP'`" },
        line: 2,
        column: 46,
        suggestions: [
          {
            messageId: 'disableStickiness',
            data: { replacement: "'None'" },
            output: "const KEY = 'sessionAffinity';\nconst service = { spec: { [KEY]: 'ClientIP', ['session' + 'Affinity']: 'None' } };",
          },
        ],
      },
    ],
  },
  {
    code: "new k8s.networking.v1.Ingress('web', { metadata: { annotations: { ['nginx.ingress.kubernetes.io/affinity']: 'cookie' } }, spec });",
    errors: [
      {
        messageId: 'loadBalancerStickiness',
        data: { setting: "ingress-nginx annotation `nginx.ingress.kubernetes.io/affinity: 'cookie'`" },
        line: 1,
        column: 67,
      },
    ],
  },
  {
    code: "const app = fastify();\napp['register'](require('@fastify/session'), { secret });",
    errors: [{ messageId: 'defaultMemoryStore', data: { library: '@fastify/session' }, line: 2, column: 1 }],
  },
];

runRuleTests('no-sticky-sessions', rule, { valid, invalid });
