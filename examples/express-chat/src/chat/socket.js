'use strict';

const { Server } = require('socket.io');
const { createAdapter } = require('@socket.io/redis-adapter');
const rooms = require('./rooms');
const { getRedis } = require('../redis');

// Correct: the Redis adapter relays broadcasts between instances.
async function attachChat(httpServer) {
  const pub = await getRedis();
  const sub = pub.duplicate();
  await sub.connect();
  const io = new Server(httpServer, { adapter: createAdapter(pub, sub) });
  io.on('connection', (socket) => {
    socket.on('join', (room) => {
      socket.join(room);
      socket.emit('history', rooms.join(socket.id, room));
    });
    socket.on('message', ({ room, text }) => {
      const message = { from: socket.id, text, at: Date.now() };
      rooms.post(room, message);
      io.to(room).emit('message', message);
    });
    socket.on('disconnect', () => rooms.leave(socket.id));
  });
  return io;
}

module.exports = { attachChat };
