// Serves the built web app (dist/web) from the API's own origin, so one process is enough and
// the CSP can say 'self'.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Parley</title><body><h1>Parley</h1><p>The web app has not been built. Run <code>npm run build</code>; the API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>`;

export async function serveWebApp(app: FastifyInstance, root: string): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) {
    app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT));
    return;
  }
  await app.register(fastifyStatic, {
    root,
    index: ['index.html'],
    wildcard: false,
    setHeaders(res, path) {
      // Vite fingerprints assets, so they never change; index.html must be revalidated.
      res.header('Cache-Control', path.includes(`${join('web', 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
