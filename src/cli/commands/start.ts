import type { CommandRegistrar } from '../io.js';
import { globals } from '../io.js';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../server/defaults.js';
import { examplesDir } from '../../server/paths.js';
import { portOption } from './serve.js';

export const startCommand: CommandRegistrar = (program) => {
  program
    .command('start')
    .description('load the bundled example articles into the database (again: nothing changes) and serve the web app')
    .option('--port <n>', 'port (0 = any free port)', portOption, Number(process.env.PARLEY_PORT) || DEFAULT_PORT)
    .option('--host <address>', 'address to bind; anything but loopback requires PARLEY_TOKEN', DEFAULT_HOST)
    .option('--examples <dir>', 'folder of articles to load first', examplesDir())
    .action(async (opts: { port: number; host: string; examples: string }, cmd) => {
      const { ingest } = await import('../../ingest/ingest.js');
      const { openStore } = await import('../../store/open.js');
      const { serve } = await import('../../server/listen.js');
      const g = globals(cmd);
      const store = await openStore(g.db);
      try {
        const s = await ingest([opts.examples], store, { lexicons: g.lexicon });
        process.stdout.write(
          `examples: ${s.stored} stored, ${s.duplicates} already stored${s.failed.length ? `, ${s.failed.length} failed` : ''} (${opts.examples})\n`,
        );
        for (const f of s.failed) process.stderr.write(`  ${f.input}: ${f.error}\n`);
        const { url } = await serve(store, { host: opts.host, port: opts.port, lexicons: g.lexicon });
        process.stdout.write(`Parley is serving ${url}  (Ctrl-C to stop)\n`);
      } catch (err) {
        await store.close();
        throw err;
      }
    });
};
