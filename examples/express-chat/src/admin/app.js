'use strict';

const express = require('express');
const session = require('express-session');
const { RedisStore } = require('connect-redis');
const { RateLimiterRedis } = require('rate-limiter-flexible');
const { getRedis } = require('../redis');

// Correct: the admin console keeps sessions and login throttling in Redis.
async function createAdminApp() {
  const redis = await getRedis();
  const app = express();
  app.use(
    session({
      store: new RedisStore({ client: redis, prefix: 'admin-sess:' }),
      secret: process.env.ADMIN_SESSION_SECRET,
      resave: false,
      saveUninitialized: false,
    }),
  );
  const loginLimiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: 'admin-login', points: 5, duration: 60 });
  app.post('/login', async (req, res, next) => {
    try {
      await loginLimiter.consume(req.ip);
      next();
    } catch {
      res.status(429).send('Too many attempts');
    }
  });
  return app;
}

module.exports = { createAdminApp };
