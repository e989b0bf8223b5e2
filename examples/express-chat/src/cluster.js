'use strict';

const sticky = require('sticky-session');
const { start } = require('./server');
const { logger } = require('./logger');

start().then((server) => {
  // Pins every client IP to one worker so the in-memory sessions keep working.
  if (!sticky.listen(server, Number(process.env.PORT) || 3000)) {
    server.once('listening', () => logger.info('master started'));
  }
});
