import pino from 'pino';

// Correct: structured logs to stdout.
export const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });

export const accessLog = pino(pino.destination({ dest: 'logs/access.log', mkdir: true, sync: false }));
