import type { Command } from 'commander';
import { rowToContract } from '../../contract.js';
import { printJsonLine, printTable, withStore, type CommandRegistrar } from '../io.js';
import { positiveInt } from '../numbers.js';

interface ListOptions {
  limit: string;
  cursor?: string;
  from?: string;
  to?: string;
  publisher?: string;
  actor?: string;
  json?: boolean;
}

export const listCommand: CommandRegistrar = (program) => {
  program
    .command('list')
    .description('list stored articles, newest first')
    .option('-n, --limit <n>', 'how many', '50')
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--from <date>', 'published on or after YYYY-MM-DD')
    .option('--to <date>', 'published on or before YYYY-MM-DD')
    .option('--publisher <name>', 'only this publisher')
    .option('--actor <id>', 'only articles mentioning this actor')
    .option('--json', 'one JSON object per line')
    .action(async (opts: ListOptions, cmd: Command) => {
      const page = await withStore(cmd, (s) =>
        s.listArticles({ limit: positiveInt(opts.limit, '--limit'), cursor: opts.cursor, from: opts.from, to: opts.to, publisher: opts.publisher, actor: opts.actor }),
      );
      // The same rows as the API's: `source` in the document contract's shape.
      if (opts.json) for (const a of page.items) printJsonLine(rowToContract(a));
      else {
        printTable(
          page.items.map((a) => ({ ...a, title: a.title ?? a.snippet.slice(0, 60), dup: a.duplicateOf ? `≈${a.duplicateOf.slice(0, 8)}` : '' })),
          ['id', 'published', 'publisher', 'title', 'dup'],
        );
        if (page.next) process.stderr.write(`more: --cursor ${page.next}\n`);
      }
    });
};
