import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';

export async function invoiceRoutes(app: FastifyInstance): Promise<void> {
  app.post('/orders/:id/invoice', async (request, reply) => {
    const part = await request.file();
    if (!part) return reply.code(400).send({ error: 'invoice file missing' });
    await pipeline(part.file, createWriteStream(`./invoices/${part.filename}`));
    return reply.code(201).send({ stored: part.filename });
  });

  // Correct: files land in the OS temp directory and are gone after the request.
  app.post('/orders/import', async (request, reply) => {
    const files = await request.saveRequestFiles();
    const work = await mkdtemp(join(tmpdir(), 'orders-import-'));
    try {
      const rows = await Promise.all(files.map(async (file) => (await readFile(file.filepath, 'utf8')).split('\n').length));
      return reply.send({ imported: rows.reduce((sum, count) => sum + count, 0) });
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
}
