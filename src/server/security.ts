// Article text is untrusted input from the open web, and the API can write to the corpus, so
// every response carries a strict policy and every write can require a bearer token.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.js';

/**
 * No inline script or style, nothing from other origins: Vite's build output needs neither.
 * `styleHashes` admits exactly those inline style blocks (the HTML brief's), on the one
 * response that carries them.
 */
export function contentSecurityPolicy(styleHashes: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes.map((h) => `'${h}'`)].join(' '),
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\./.test(host);
}

/**
 * The token the server demands on writes: PARLEY_TOKEN when set; binding a non-loopback
 * address without one is refused, because anyone on the network could then write.
 */
export function resolveToken(host: string, token: string | undefined): string | null {
  const t = token?.trim() || null;
  if (!t && !isLoopback(host))
    throw new Error(`refusing to listen on ${host} without PARLEY_TOKEN: set PARLEY_TOKEN to a secret that clients send as "Authorization: Bearer <token>" on writes`);
  return t;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']'));
  return h.replace(/:\d+$/, '');
}

/**
 * Browsers are the risk on a loopback server without a token: any web page can send a simple
 * cross-site POST (a form, text/plain, multipart) to 127.0.0.1, and a rebinding domain can
 * even read. So on loopback, requests must name a loopback host, and writes from a page of
 * another origin are refused.
 */
export function installSecurity(app: FastifyInstance, token: string | null, loopbackOnly = true): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    // A route may set its own policy for its own response (contentSecurityPolicy(hashes)); every other one gets the strict one.
    if (!reply.hasHeader('Content-Security-Policy')) reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    return payload;
  });
  app.addHook('onRequest', async (req) => {
    if (loopbackOnly && !isLoopback(hostName(req.headers.host ?? ''))) throw new HttpError('forbidden', `host "${req.headers.host ?? ''}" is not this loopback server`);
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    const origin = req.headers.origin;
    const site = req.headers['sec-fetch-site'];
    let crossOrigin = site === 'cross-site' || site === 'same-site';
    if (origin && origin !== 'null') {
      try {
        crossOrigin ||= new URL(origin).host !== new URL(`${new URL(origin).protocol}//${req.headers.host ?? ''}`).host;
      } catch {
        crossOrigin = true;
      }
    } else if (origin === 'null') crossOrigin = true;
    if (crossOrigin) throw new HttpError('forbidden', 'writes from pages of another origin are refused');
  });
  if (!token) return;
  // onRequest runs before the body is read, so an unauthorised upload is refused unread.
  app.addHook('onRequest', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    const h = req.headers.authorization ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(h);
    if (!m || !sameSecret(m[1].trim(), token)) throw new HttpError('unauthorized', 'this server requires "Authorization: Bearer <PARLEY_TOKEN>" on writes');
  });
}
