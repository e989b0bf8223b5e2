'use strict';

const MAX_HISTORY = 50;
// Chat state kept in this process: a second instance sees other rooms, a restart loses them.
const history = {};
const members = new Map();
let messagesSent = 0;

function join(socketId, room) {
  members.set(socketId, room);
  return (history[room] ?? []).slice(-MAX_HISTORY);
}

function leave(socketId) {
  members.delete(socketId);
}

function post(room, message) {
  messagesSent++;
  history[room] = [...(history[room] ?? []), message].slice(-MAX_HISTORY);
}

function stats() {
  return { rooms: Object.keys(history).length, online: members.size, messagesSent };
}

module.exports = { join, leave, post, stats };
