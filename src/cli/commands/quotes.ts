import type { Command } from 'commander';
import { dateArg } from '../analysisOptions.js';
import { printJsonLine, printTable, UsageError, withStore, type CommandRegistrar } from '../io.js';
import { positiveInt } from '../numbers.js';

interface QuotesOptions {
  by?: string;
  about?: string;
  from?: string;
  to?: string;
  search?: string;
  article?: string;
  limit: string;
  cursor?: string;
  json?: boolean;
}

export const quotesCommand: CommandRegistrar = (program) => {
  program
    .command('quotes')
    .description('who said what about whom: stored quotes and reported speech, most recent first')
    .option('--by <actor>', 'said by this actor (id or name)')
    .option('--about <actor>', 'about or addressed to this actor (id or name)')
    .option('--from <date>', 'said on or after YYYY-MM-DD')
    .option('--to <date>', 'said on or before YYYY-MM-DD')
    .option('--search <text>', 'words in the quote')
    .option('--article <id>', 'only this article')
    .option('-n, --limit <n>', 'how many', '50')
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--json', 'one JSON object per line')
    .action(async (o: QuotesOptions, cmd: Command) => {
      const { queryQuotes, UnknownActorError } = await import('../../extract/quotes-query.js');
      const query = {
        by: o.by,
        about: o.about,
        from: dateArg(o.from, '--from'),
        to: dateArg(o.to, '--to'),
        search: o.search,
        articleId: o.article,
        limit: positiveInt(o.limit, '--limit'),
        cursor: o.cursor,
      };
      const page = await withStore(cmd, (s) => queryQuotes(s, query)).catch((err: unknown) => {
        if (err instanceof UnknownActorError) throw new UsageError(`--${err.role} "${err.actor}": ${err.message}`);
        throw err;
      });
      if (o.json) for (const q of page.items) printJsonLine(q);
      else {
        printTable(
          page.items.map((q) => ({
            date: q.date ?? q.published,
            speaker: q.actorName ?? q.actor ?? q.speaker ?? '(unattributed)',
            quote: q.direct ? `“${q.text}”` : q.text,
            cue: q.cue,
            article: `${q.articleId.slice(0, 10)} ${q.articleTitle ?? ''}`,
          })),
          ['date', 'speaker', 'quote', 'cue', 'article'],
        );
        if (page.next) process.stderr.write(`more: --cursor ${page.next}\n`);
      }
    });
};
