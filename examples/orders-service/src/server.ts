import Fastify from 'fastify';
import multipart from '@fastify/multipart';
import { backoffice } from './backoffice.js';
import { devAssets } from './dev-assets.js';
import { logger } from './logger.js';
import { invoiceRoutes } from './orders/invoices.js';
import { publicApi } from './public-api.js';

export async function buildServer() {
  const app = Fastify({ loggerInstance: logger });
  await app.register(multipart, { limits: { fileSize: 10_000_000 } });
  await app.register(publicApi, { prefix: '/api' });
  await app.register(backoffice, { prefix: '/backoffice' });
  await app.register(invoiceRoutes, { prefix: '/api' });
  await devAssets(app);
  return app;
}

const app = await buildServer();
await app.listen({ port: Number(process.env.PORT ?? 8080), host: '0.0.0.0' });
