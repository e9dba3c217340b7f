import type { CommandRegistrar } from '../io.js';
import { globals, UsageError } from '../io.js';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../server/defaults.js';

export function portOption(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port ${v}: expected a port number 0-65535`);
  return n;
}

function workersOption(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--workers ${v}: expected a number of processes 1-64`);
  return n;
}

export const serveCommand: CommandRegistrar = (program) => {
  program
    .command('serve')
    .description('serve the HTTP API and the web app (writes need PARLEY_TOKEN when not on loopback)')
    .option('--port <n>', `port (0 = any free port)`, portOption, Number(process.env.PARLEY_PORT) || DEFAULT_PORT)
    .option('--host <address>', 'address to bind; anything but loopback requires PARLEY_TOKEN', DEFAULT_HOST)
    .option('--allow-private', 'let URL ingestion fetch private and loopback addresses')
    .option('--workers <n>', 'server processes sharing the port, to use several cores', workersOption, 1)
    .action(async (opts: { port: number; host: string; allowPrivate?: boolean; workers: number }, cmd) => {
      const { openStore } = await import('../../store/open.js');
      const { serve } = await import('../../server/listen.js');
      const { forkWorkers, inPrimary, reportListening } = await import('../../server/cluster.js');
      const { resolveToken } = await import('../../server/security.js');
      const g = globals(cmd);
      if (opts.workers > 1 && inPrimary()) {
        resolveToken(opts.host, process.env.PARLEY_TOKEN); // refuse before forking anything
        await (await openStore(g.db)).close(); // migrations run once, here, not raced by workers
        const url = await forkWorkers(opts.workers);
        process.stdout.write(`Parley is serving ${url} with ${opts.workers} processes  (Ctrl-C to stop)\n`);
        return;
      }
      const store = await openStore(g.db);
      try {
        const { url } = await serve(store, { host: opts.host, port: opts.port, lexicons: g.lexicon, allowPrivate: opts.allowPrivate });
        if (!reportListening(url)) process.stdout.write(`Parley is serving ${url}  (Ctrl-C to stop)\n`);
      } catch (err) {
        await store.close();
        throw err;
      }
    });
};
