'use strict';

const winston = require('winston');

const logger = winston.createLogger({
  level: process.env.LOG_LEVEL || 'info',
  format: winston.format.json(),
  transports: [
    new winston.transports.Console(),
    new winston.transports.File({ filename: 'logs/chat.log' }),
  ],
});

// Correct: the audit trail goes to stdout as well; the platform routes the stream.
const auditLog = winston.createLogger({
  format: winston.format.json(),
  transports: [new winston.transports.Console({ level: 'info' })],
});

module.exports = { logger, auditLog };
