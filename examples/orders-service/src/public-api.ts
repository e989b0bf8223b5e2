import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import secureSession from '@fastify/secure-session';
import { Redis } from 'ioredis';
import { findOrder, listOrders, placeOrder } from './orders/store.js';
import { ORDER_PLACED, orderEvents } from './graphql/pubsub.js';
import type { OrderLine } from './types.js';

// Correct: rate-limit counters in Redis, the session in an encrypted cookie.
export async function publicApi(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    max: 100,
    timeWindow: '1 minute',
    redis: new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379'),
  });
  await app.register(secureSession, {
    key: Buffer.from(process.env.COOKIE_KEY ?? '', 'hex'),
    cookie: { path: '/', httpOnly: true, secure: true },
  });

  app.get<{ Params: { id: string } }>('/orders/:id', async (request, reply) => {
    const order = await findOrder(request.params.id);
    return order ?? reply.code(404).send({ error: 'not found' });
  });

  app.get('/orders', async (request) => listOrders(request.session.get('customerId') as string));

  app.post<{ Body: { lines: OrderLine[] } }>('/orders', async (request, reply) => {
    const order = await placeOrder(request.session.get('customerId') as string, request.body.lines);
    await orderEvents.publish(ORDER_PLACED, order);
    return reply.code(201).send(order);
  });
}
