'use strict';

const { createClient } = require('redis');

// Correct: a lazily created, process-wide client for a backing service is not request state.
let client;

async function getRedis() {
  client ??= createClient({ url: process.env.REDIS_URL });
  if (!client.isOpen) await client.connect();
  return client;
}

module.exports = { getRedis };
