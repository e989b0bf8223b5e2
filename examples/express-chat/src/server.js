'use strict';

const http = require('node:http');
const path = require('node:path');
const express = require('express');
const session = require('express-session');
const rateLimit = require('express-rate-limit');
const lessMiddleware = require('less-middleware');
const { logger } = require('./logger');
const users = require('./users');
const { attachChat } = require('./chat/socket');
const rooms = require('./chat/rooms');
const avatars = require('./routes/avatars');
const { createAdminApp } = require('./admin/app');

const app = express();
const publicDir = path.join(__dirname, '..', 'public');
let activeRequests = 0;

app.use(express.json());
app.use(
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { maxAge: 7 * 24 * 3600 * 1000 },
  }),
);
app.use('/api/', rateLimit({ windowMs: 15 * 60 * 1000, limit: 300 }));
app.use(lessMiddleware(publicDir));
app.use(express.static(publicDir));

// Correct: the webpack dev server only ever runs on a developer's machine.
if (process.env.NODE_ENV !== 'production') {
  const webpack = require('webpack');
  const webpackDevMiddleware = require('webpack-dev-middleware');
  app.use(webpackDevMiddleware(webpack(require('../webpack.config.js'))));
}

app.use((req, res, next) => {
  activeRequests += 1;
  res.on('finish', () => {
    activeRequests -= 1;
  });
  next();
});

app.post('/api/register', async (req, res) => {
  const user = await users.register(req.body.name, req.body.password);
  req.session.user = user.name;
  res.status(201).json({ name: user.name });
});

app.post('/api/login', async (req, res) => {
  const user = await users.authenticate(req.body.name, req.body.password);
  if (!user) return res.status(401).end();
  req.session.user = user.name;
  logger.info('login', { user: user.name });
  return res.json({ name: user.name });
});

app.get('/api/stats', (req, res) => res.json({ ...rooms.stats(), activeRequests }));
app.use('/api/me', avatars);

async function start(port = Number(process.env.PORT) || 3000) {
  app.use('/admin', await createAdminApp());
  const server = http.createServer(app);
  await attachChat(server);
  return server;
}

module.exports = { app, start };
