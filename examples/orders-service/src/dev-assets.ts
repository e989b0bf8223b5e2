import type { FastifyInstance } from 'fastify';
import middie from '@fastify/middie';

const isProduction = process.env.NODE_ENV === 'production';

// Correct: Vite compiles on demand only on a developer machine; production serves the build output.
export async function devAssets(app: FastifyInstance): Promise<void> {
  if (isProduction) return;
  const { createServer: createViteServer } = await import('vite');
  const vite = await createViteServer({ server: { middlewareMode: true }, appType: 'custom' });
  await app.register(middie);
  app.use(vite.middlewares);
}
