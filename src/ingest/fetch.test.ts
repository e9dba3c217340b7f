import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { fetchUrl } from './fetch.js';

let server: Server;
let base: string;
let host: string;

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/page') return res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hello</p>');
    if (req.url === '/gz') return res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync('zipped text'));
    if (req.url === '/hop') return res.writeHead(302, { location: '/page' }).end();
    if (req.url === '/to-metadata') return res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (req.url === '/to-localhost') return res.writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/page` }).end();
    if (req.url === '/loop') return res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/big') return res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(5000));
    if (req.url === '/slow') return setTimeout(() => res.end('late'), 2000);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = `http://${host}`;
});
after(() => server.close());

test('loopback is refused unless allowed', async () => {
  await assert.rejects(fetchUrl(`${base}/page`), /127\.0\.0\.1:\d+ is a private address/);
  const r = await fetchUrl(`${base}/page`, { allowPrivate: true });
  assert.equal(r.body.toString(), '<p>hello</p>');
  assert.match(r.contentType, /html/);
});

test('redirects are followed by hand, each hop checked', async () => {
  const r = await fetchUrl(`${base}/hop`, { allowHosts: [host] });
  assert.equal(r.url, `${base}/page`);
  await assert.rejects(fetchUrl(`${base}/to-metadata`, { allowHosts: [host] }), /redirect to http:\/\/169\.254\.169\.254\/latest\/meta-data\/ goes to a private address/);
  // a name, not an address: refused when its DNS answer is private
  await assert.rejects(fetchUrl(`${base}/to-localhost`, { allowHosts: [host] }), /localhost resolves to the private address/);
  await assert.rejects(fetchUrl(`${base}/loop`, { allowPrivate: true, maxRedirects: 3 }), /too many redirects \(more than 3\)/);
});

test('size cap, time limit, compression, HTTP errors, unreachable hosts, other schemes', async () => {
  assert.equal((await fetchUrl(`${base}/gz`, { allowPrivate: true })).body.toString(), 'zipped text');
  await assert.rejects(fetchUrl(`${base}/big`, { allowPrivate: true, maxBytes: 1000 }), /too large/);
  await assert.rejects(fetchUrl(`${base}/slow`, { allowPrivate: true, timeoutMs: 200 }), /timed out/);
  await assert.rejects(fetchUrl(`${base}/missing`, { allowPrivate: true }), /HTTP 404/);
  await assert.rejects(fetchUrl('http://127.0.0.1:1/', { allowPrivate: true }), /127\.0\.0\.1:1\/: connection refused/);
  await assert.rejects(fetchUrl('file:///etc/passwd'), /only http and https/);
});
