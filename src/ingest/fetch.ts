// Fetching a URL the user asked for, defensively: http(s) only, a time limit, a size cap, a
// bounded number of redirects followed by hand, and no private, loopback or link-local address
// on any hop — checked on the address actually connected to (the DNS lookup of each request),
// so a name that resolves to 127.0.0.1 or a redirect to 169.254.169.254 is refused.
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import { InputError } from './errors.js';
import { isPrivateAddress } from './address.js';
import { FETCH_TIMEOUT_MS, MAX_INPUT_BYTES, MAX_REDIRECTS, tooLarge } from './limits.js';

export interface FetchOptions {
  /** Allow loopback/private/link-local addresses (`--allow-private`). */
  allowPrivate?: boolean;
  /** host or host:port allowed even when private (e.g. an intranet proxy), every other hop is still checked. */
  allowHosts?: string[];
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** The remedy named when a private address is refused; a server's users cannot pass a CLI flag. */
  privateHint?: string;
}

const PRIVATE_HINT = 'use --allow-private to allow';

export interface Fetched {
  url: string;
  status: number;
  contentType: string;
  body: Buffer;
}

class Refused extends Error {}

function guardedLookup(allow: boolean, hint: string): LookupFunction {
  return ((hostname: string, options: object, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (bad && !allow) return callback(new Refused(`refused: ${hostname} resolves to the private address ${bad.address} (${hint})`), '');
      if ((options as { all?: boolean }).all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  }) as LookupFunction;
}

function requestOnce(url: URL, allow: boolean, opts: Required<Pick<FetchOptions, 'timeoutMs' | 'maxBytes' | 'privateHint'>>, deadline: number): Promise<Fetched & { location?: string }> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    const remaining = Math.max(1, deadline - Date.now());
    const req = mod.request(
      url,
      {
        method: 'GET',
        lookup: guardedLookup(allow, opts.privateHint),
        headers: {
          'user-agent': 'Parley/0.1 (+news ingestion; https://github.com/)',
          accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
        },
        timeout: remaining,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return resolve({ url: url.href, status, contentType: '', body: Buffer.alloc(0), location: res.headers.location });
        }
        const declared = Number(res.headers['content-length'] ?? 0);
        if (declared > opts.maxBytes) {
          res.destroy();
          return reject(new Refused(tooLarge(declared, opts.maxBytes)));
        }
        const enc = String(res.headers['content-encoding'] ?? '').toLowerCase();
        const stream =
          enc === 'gzip' || enc === 'x-gzip' ? res.pipe(zlib.createGunzip()) : enc === 'deflate' ? res.pipe(zlib.createInflate()) : enc === 'br' ? res.pipe(zlib.createBrotliDecompress()) : res;
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (c: Buffer) => {
          size += c.length;
          if (size > opts.maxBytes) {
            stream.removeAllListeners('data');
            res.destroy();
            reject(new Refused(tooLarge(size, opts.maxBytes)));
            return;
          }
          chunks.push(c);
        });
        stream.on('end', () => resolve({ url: url.href, status, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks) }));
        stream.on('error', reject);
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Refused(`timed out after ${Math.round(opts.timeoutMs / 1000)} s`)));
    req.on('error', reject);
    req.end();
  });
}

function hostAllowed(url: URL, options: FetchOptions): boolean {
  if (options.allowPrivate) return true;
  const hosts = options.allowHosts ?? [];
  return hosts.includes(url.host) || hosts.includes(url.hostname);
}

export async function fetchUrl(input: string, options: FetchOptions = {}): Promise<Fetched> {
  const opts = { timeoutMs: options.timeoutMs ?? FETCH_TIMEOUT_MS, maxBytes: options.maxBytes ?? MAX_INPUT_BYTES, privateHint: options.privateHint ?? PRIVATE_HINT };
  const maxRedirects = options.maxRedirects ?? MAX_REDIRECTS;
  const deadline = Date.now() + opts.timeoutMs;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new InputError(input, 'not a valid URL');
  }
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(input, `refused: only http and https URLs are fetched (got ${url.protocol})`);
    const allow = hostAllowed(url, options);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!allow && isIP(host) && isPrivateAddress(host))
      throw new InputError(input, `refused: ${hop ? `redirect to ${url.href} goes to` : `${url.host} is`} a private address (${opts.privateHint})`);
    let res: Fetched & { location?: string };
    try {
      res = await requestOnce(url, allow, opts, deadline);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      const why =
        err instanceof Refused ? (hop ? `${e.message} (after a redirect to ${url.href})` : e.message)
        : e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' ? `cannot resolve host ${url.hostname}`
        : e.code === 'ECONNREFUSED' ? `connection refused by ${url.host}`
        : e.code === 'ECONNRESET' ? `connection reset by ${url.host}`
        : `unreachable (${e.code ?? e.message})`;
      throw new InputError(input, why);
    }
    if (res.location) {
      if (hop >= maxRedirects) throw new InputError(input, `too many redirects (more than ${maxRedirects})`);
      url = new URL(res.location, url);
      continue;
    }
    if (res.status >= 400) throw new InputError(input, `HTTP ${res.status}`);
    return res;
  }
}
