// Every API error leaves the server as JSON {error, message} with the status that names the
// problem; this maps the library's and fastify's errors onto those statuses in one place.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { UnknownActorError } from '../extract/quotes-query.js';
import { StoreError } from '../store/store.js';

export type ErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'unprocessable'
  | 'not-available'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  unprocessable: 422,
  'not-available': 501,
  internal: 500,
};

export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export interface ErrorBody {
  error: ErrorCode;
  message: string;
}

/** One readable line from a zod error: the first few issues with their paths. */
export function describeZod(err: ZodError, where: string): string {
  return (
    `invalid ${where}: ` +
    err.issues
      .slice(0, 3)
      .map((i) => (i.path.length ? `${i.path.join('.')}: ` : '') + i.message)
      .join('; ')
  );
}

export function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof UnknownActorError) return new HttpError('not-found', err.message);
  if (err instanceof ZodError) return new HttpError('bad-request', describeZod(err, 'request'));
  if (err instanceof StoreError) {
    // 'unavailable': this engine lacks the query (an analysis layer it has not implemented yet).
    const code = ({ 'bad-request': 'bad-request', 'not-found': 'not-found', conflict: 'conflict', unavailable: 'not-available' } as const)[err.code];
    return new HttpError(code, err.message);
  }
  const fe = err as Partial<FastifyError> & { part?: unknown };
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new HttpError('payload-too-large', fe.message ?? 'request body too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new HttpError('unsupported-media-type', fe.message ?? 'unsupported content type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_VALIDATION':
      return new HttpError('bad-request', fe.message ?? 'bad request');
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const byStatus: Record<number, ErrorCode> = { 400: 'bad-request', 403: 'forbidden', 404: 'not-found', 409: 'conflict', 413: 'payload-too-large', 415: 'unsupported-media-type', 422: 'unprocessable' };
    return new HttpError(byStatus[fe.statusCode] ?? 'bad-request', fe.message ?? 'bad request');
  }
  if (err instanceof SyntaxError) return new HttpError('bad-request', err.message);
  return new HttpError('internal', 'internal error');
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const e = toHttpError(err);
  if (e.status >= 500 && e.code !== 'not-available') req.log.error({ err }, 'request failed');
  const body: ErrorBody = { error: e.code, message: e.message };
  void reply.status(e.status).type('application/json; charset=utf-8').send(body);
}
