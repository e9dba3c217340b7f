// The HTTP server: the JSON API over the library core, its OpenAPI description, and the web app.
import { readFileSync } from 'node:fs';
import fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { Store } from '../store/store.js';
import { openApiDocument, register, type RouteSpec } from './define.js';
import { errorHandler, HttpError } from './errors.js';
import { installSecurity, isLoopback } from './security.js';
import { defaultWebRoot } from './paths.js';
import { serveWebApp } from './web.js';
import { actorRoutes } from './routes/actors.js';
import { analysisRoutes } from './routes/analysis.js';
import { articleRoutes } from './routes/articles.js';
import { eventRoutes } from './routes/events.js';
import { exportRoutes } from './routes/exports.js';
import { ingestRoutes } from './routes/ingest.js';
import { metaRoutes } from './routes/meta.js';
import { quoteRoutes } from './routes/quotes.js';
import { searchRoutes } from './routes/search.js';

export interface ServerOptions {
  store: Store;
  /** Bearer token demanded on every write; null = writes open (loopback only, see security.ts). */
  token?: string | null;
  /** The address the server binds (default 127.0.0.1); on loopback, only loopback host names are served. */
  host?: string;
  /** Directory of the built web app; default dist/web of this package. false = API only. */
  webRoot?: string | false;
  /** Largest request body (JSON, text or one uploaded file), bytes. */
  maxBodyBytes?: number;
  /** Extra lexicon files for the pipeline when ingesting. */
  lexicons?: string[];
  /** Let URL ingestion fetch private/loopback addresses. */
  allowPrivate?: boolean;
  logger?: boolean;
}

export const DEFAULT_MAX_BODY = 20 * 1024 * 1024;

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    try {
      return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    } catch {
      return '0.0.0';
    }
  }
}

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const token = options.token ?? null;
  const version = packageVersion();
  const app = fastify({ logger: options.logger ?? false, bodyLimit: maxBody, trustProxy: false });

  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => errorHandler(new HttpError('not-found', `no route ${req.method} ${req.url.split('?')[0]}`), req, reply));
  installSecurity(app, token, isLoopback(options.host ?? '127.0.0.1'));
  app.addContentTypeParser('text/html', { parseAs: 'string', bodyLimit: maxBody }, (_req, body, done) => done(null, body));
  await app.register(multipart, { limits: { fileSize: maxBody, files: 200, fields: 50, fieldSize: maxBody } });

  const routes: RouteSpec<any, any, any>[] = [
    ...metaRoutes(store, { version, writeRequiresToken: token !== null }),
    ...articleRoutes(store),
    ...searchRoutes(store),
    ...ingestRoutes(store, { lexicons: options.lexicons, allowPrivate: options.allowPrivate }),
    ...actorRoutes(store),
    ...quoteRoutes(store),
    ...eventRoutes(store),
    ...analysisRoutes(store),
    ...exportRoutes(store),
  ];
  const openapi = openApiDocument(routes, {
    title: 'Parley API',
    version,
    description: 'Actors, quotes, events, relations and positions extracted from news coverage. Every list is cursor-paged: pass the "next" of one page as ?cursor= to get the next. Errors are JSON {error, message}.',
  });
  register(app, routes);
  app.get('/api/openapi.json', async () => openapi);

  if (options.webRoot !== false) await serveWebApp(app, options.webRoot ?? defaultWebRoot());
  return app;
}
