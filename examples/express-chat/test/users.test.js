'use strict';

// Test code never runs in a service process: the audit ignores it.
const { test } = require('node:test');
const fs = require('node:fs');
const users = require('../src/users');

const seen = [];

test('register keeps the user', async () => {
  const user = await users.register('ada', 'secret');
  seen.push(user);
  fs.writeFileSync('test-output.json', JSON.stringify(seen));
});
