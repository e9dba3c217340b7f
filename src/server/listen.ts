// Starting the server for a person: checks the bind address against the token rule, listens,
// and closes the store on SIGINT/SIGTERM.
import type { Store } from '../store/store.js';
import { createServer, type ServerOptions } from './app.js';
import { DEFAULT_HOST, DEFAULT_PORT } from './defaults.js';
import { isLoopback, resolveToken } from './security.js';

export { DEFAULT_HOST, DEFAULT_PORT };

export interface ListenOptions extends Omit<ServerOptions, 'store' | 'token'> {
  host?: string;
  port?: number;
  /** Defaults to process.env.PARLEY_TOKEN. */
  token?: string;
}

export async function serve(store: Store, options: ListenOptions = {}) {
  const host = options.host ?? DEFAULT_HOST;
  const token = resolveToken(host, options.token ?? process.env.PARLEY_TOKEN);
  const app = await createServer({ ...options, store, token, host });
  try {
    await app.listen({ host, port: options.port ?? DEFAULT_PORT });
  } catch (err) {
    await app.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new Error(`${host}:${options.port ?? DEFAULT_PORT} is already in use: pass --port N, or --port 0 for any free port`);
    if (code === 'EADDRNOTAVAIL') throw new Error(`${host} is not an address of this machine (--host)`);
    throw err;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : options.port;
  const shown = isLoopback(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shown === '0.0.0.0' || shown === '[::]' ? 'localhost' : shown}:${port}/`;
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { app, url };
}
