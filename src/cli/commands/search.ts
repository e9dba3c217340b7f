import type { Command } from 'commander';
import { rowToContract } from '../../contract.js';
import { printJsonLine, printTable, UsageError, withStore, type CommandRegistrar } from '../io.js';
import { positiveInt } from '../numbers.js';

export const searchCommand: CommandRegistrar = (program) => {
  program
    .command('search')
    .description('full-text search over stored articles (words, "exact phrases")')
    .argument('<query...>', 'search words')
    .option('-n, --limit <n>', 'how many', '20')
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--json', 'one JSON object per line')
    .action(async (query: string[], opts: { limit: string; cursor?: string; json?: boolean }, cmd: Command) => {
      const q = query.join(' ').trim();
      if (!q) throw new UsageError('search needs words to look for (the query is empty)');
      const page = await withStore(cmd, (s) => s.searchArticles(q, { limit: positiveInt(opts.limit, '--limit'), cursor: opts.cursor }));
      // The same rows as the API's: `source` in the document contract's shape.
      if (opts.json) for (const h of page.items) printJsonLine(rowToContract(h));
      else {
        printTable(page.items.map((h) => ({ ...h, title: h.title ?? '' })), ['id', 'published', 'title', 'excerpt']);
        if (!page.items.length) process.stderr.write('no matches\n');
        if (page.next) process.stderr.write(`more: --cursor ${page.next}\n`);
      }
    });
};
