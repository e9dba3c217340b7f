// Routes are declared once, as data: method, path, zod schemas, a summary. The same declaration
// registers the fastify route, validates the request and feeds the OpenAPI document, so the
// published description can never drift from what the server accepts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import { describeZod, HttpError } from './errors.js';

export interface RouteContext<Q, P, B> {
  query: Q;
  params: P;
  body: B;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<Q = unknown, P = unknown, B = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** fastify syntax: /api/articles/:id */
  url: string;
  tag: string;
  summary: string;
  query?: ZodType<Q>;
  params?: ZodType<P>;
  body?: ZodType<B>;
  /** Content types the body may have besides JSON (documented only). */
  consumes?: string[];
  /** Content types of a successful response; JSON when absent. */
  produces?: string[];
  /** The JSON body of a successful response, for the OpenAPI document only (not checked at run time). */
  response?: ZodType;
  /** Error statuses the route documents (400 is implied by any schema). */
  errors?: number[];
  successStatus?: number;
  handler(ctx: RouteContext<Q, P, B>): Promise<unknown>;
}

export interface RouteGroup {
  routes: RouteSpec<any, any, any>[];
}

export function route<Q = Record<string, never>, P = Record<string, never>, B = undefined>(spec: RouteSpec<Q, P, B>): RouteSpec<Q, P, B> {
  return spec;
}

function parse<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return value as T;
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw new HttpError('bad-request', describeZod(r.error, where));
  return r.data;
}

export function register(app: FastifyInstance, specs: RouteSpec<any, any, any>[]): void {
  for (const spec of specs) {
    app.route({
      method: spec.method,
      url: spec.url,
      handler: async (req, reply) => {
        const ctx = {
          query: parse(spec.query, req.query, 'query'),
          params: parse(spec.params, req.params, 'path'),
          body: spec.body && !req.isMultipart() && typeof req.body !== 'string' ? parse(spec.body, req.body, 'body') : req.body,
          req,
          reply,
        };
        const out = await spec.handler(ctx);
        if (reply.sent) return reply;
        if (spec.successStatus) reply.status(spec.successStatus);
        return out;
      },
    });
  }
}

// ---- OpenAPI ------------------------------------------------------------------------------

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error', 'message'],
  properties: { error: { type: 'string' }, message: { type: 'string' } },
};

const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed request (bad parameter, JSON or cursor)',
  401: 'Missing or wrong bearer token on a write',
  403: 'A write from a page of another origin, or a host name that is not this loopback server',
  404: 'Not found',
  409: 'Conflict with stored data',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Well-formed but could not be processed',
  501: 'The analysis layer behind this route is not part of this build yet',
};

function jsonSchema(schema: ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const s = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete s.$schema;
  return s;
}

export function openApiDocument(specs: RouteSpec<any, any, any>[], info: { title: string; version: string; description: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const path = spec.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', spec.params], ['query', spec.query]] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, s] of Object.entries(js.properties ?? {}))
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
    }
    const statuses = new Set(spec.errors ?? []);
    if (spec.query || spec.params || spec.body) statuses.add(400);
    if (spec.method !== 'GET') (statuses.add(401), statuses.add(403));
    const responses: Record<string, unknown> = {
      [String(spec.successStatus ?? 200)]: {
        description: 'OK',
        content: Object.fromEntries((spec.produces ?? ['application/json']).map((t) => [t, t === 'application/json' && spec.response ? { schema: jsonSchema(spec.response, 'output') } : {}])),
      },
    };
    for (const s of [...statuses].sort())
      responses[String(s)] = { description: ERROR_TEXT[s] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    const op: Record<string, unknown> = { tags: [spec.tag], summary: spec.summary, operationId: `${spec.method.toLowerCase()}${path.replace(/[^a-zA-Z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`, parameters, responses };
    if (spec.body || spec.consumes) {
      const content: Record<string, unknown> = {};
      if (spec.body) content['application/json'] = { schema: jsonSchema(spec.body) };
      for (const t of spec.consumes ?? []) content[t] = {};
      op.requestBody = { required: true, content };
    }
    if (spec.method !== 'GET') op.security = [{ bearer: [] }];
    (paths[path] ??= {})[spec.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info,
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'PARLEY_TOKEN; required on writes when the server is not bound to loopback' } },
    },
  };
}
