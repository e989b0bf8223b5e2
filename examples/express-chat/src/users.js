'use strict';

const bcrypt = require('bcryptjs');

// Every instance has its own copy of this map, and a restart empties it.
const users = new Map();
const ROLES = Object.freeze(['member', 'moderator']);

async function register(name, password) {
  const user = { name, role: ROLES[0], hash: await bcrypt.hash(password, 10), createdAt: Date.now() };
  users.set(name, user);
  return user;
}

async function authenticate(name, password) {
  const user = users.get(name);
  if (!user) return null;
  return (await bcrypt.compare(password, user.hash)) ? user : null;
}

function promote(name) {
  const user = users.get(name);
  if (user) return { ...user, role: ROLES[1] };
  return null;
}

module.exports = { register, authenticate, promote };
