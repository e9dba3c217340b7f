import type { Command } from 'commander';
import type { ActorType } from '../../document.js';
import { printJsonLine, printTable, UsageError, withStore, type CommandRegistrar } from '../io.js';
import { positiveInt } from '../numbers.js';

const TYPES = ['PERSON', 'COUNTRY', 'ORG', 'GROUP', 'LOCATION'];

interface ActorsOptions {
  type?: string;
  search?: string;
  limit: string;
  cursor?: string;
  json?: boolean;
}

export const actorsCommand: CommandRegistrar = (program) => {
  program
    .command('actors')
    .description('list stored actors, most mentioned first')
    .option('--type <type>', `only this type (${TYPES.join(', ')})`)
    .option('--search <text>', 'names or aliases containing this text')
    .option('-n, --limit <n>', 'how many', '50')
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--json', 'one JSON object per line')
    .action(async (opts: ActorsOptions, cmd: Command) => {
      const type = opts.type?.toUpperCase();
      if (type && !TYPES.includes(type)) throw new UsageError(`--type must be one of ${TYPES.join(', ')} (got "${opts.type}")`);
      const limit = positiveInt(opts.limit, '--limit');
      const page = await withStore(cmd, (s) => s.listActors({ type: type as ActorType | undefined, search: opts.search, limit, cursor: opts.cursor }));
      if (opts.json) for (const a of page.items) printJsonLine(a);
      else printTable(page.items as unknown as Record<string, unknown>[], ['id', 'name', 'type', 'aliases', 'mentions', 'articles']);
      if (page.next && !opts.json) process.stderr.write(`more: --cursor ${page.next}\n`);
    });
};
