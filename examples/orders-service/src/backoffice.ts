import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import middie from '@fastify/middie';
import session from '@fastify/session';
import fastifyRateLimit from '@fastify/rate-limit';
import sassMiddleware from 'node-sass-middleware';
import { catalogue } from './db.js';
import { STOCK_LOW, stockEvents } from './graphql/pubsub.js';

const stylesDir = path.join(import.meta.dirname, '..', 'styles');

// The back-office app predates the public API and still keeps its state in the process.
export async function backoffice(app: FastifyInstance): Promise<void> {
  await app.register(cookie);
  await app.register(session, { secret: process.env.BACKOFFICE_SECRET ?? '', cookie: { secure: 'auto' } });
  await app.register(fastifyRateLimit, { max: 30, timeWindow: 60_000 });
  await app.register(middie);
  app.use('/styles', sassMiddleware({ src: stylesDir, dest: stylesDir, outputStyle: 'compressed' }));

  app.post<{ Body: { sku: string; quantity: number } }>('/stock', async (request) => {
    catalogue.prepare('update stock set quantity = ? where sku = ?').run(request.body.quantity, request.body.sku);
    if (request.body.quantity < 5) await stockEvents.publish(STOCK_LOW, request.body);
    return { ok: true };
  });
}
