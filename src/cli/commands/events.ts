import type { Command } from 'commander';
import { printJsonLine, printTable, withStore, type CommandRegistrar } from '../io.js';
import { positiveInt } from '../numbers.js';
import { dateArg, typeArg } from '../analysisOptions.js';

interface EventsOptions {
  actor?: string;
  source?: string;
  target?: string;
  type?: string;
  from?: string;
  to?: string;
  article?: string;
  limit: string;
  cursor?: string;
  json?: boolean;
}

export const eventsCommand: CommandRegistrar = (program) => {
  program
    .command('events')
    .description('list coded events (who did what to whom, when), oldest first')
    .option('--actor <actor>', 'events with this actor as source or target (id or name)')
    .option('--source <actor>', 'events by this actor')
    .option('--target <actor>', 'events against/towards this actor')
    .option('--type <type>', 'one PLOVER type: AGREE, CONSULT, … ASSAULT')
    .option('--from <date>', 'on or after YYYY-MM-DD')
    .option('--to <date>', 'on or before YYYY-MM-DD')
    .option('--article <id>', 'only this article')
    .option('-n, --limit <n>', 'how many', '50')
    .option('--cursor <cursor>', 'continue from a previous page')
    .option('--json', 'one JSON object per line')
    .action(async (o: EventsOptions, cmd: Command) => {
      const { resolveActorId } = await import('../../analyze/dyads.js');
      const filter = { type: typeArg(o.type), from: dateArg(o.from, '--from'), to: dateArg(o.to, '--to'), limit: positiveInt(o.limit, '--limit'), cursor: o.cursor, articleId: o.article };
      const page = await withStore(cmd, async (s) => {
        const [actor, source, target] = await Promise.all([o.actor, o.source, o.target].map((x) => (x ? resolveActorId(s, x) : undefined)));
        return s.events({ ...filter, actor, source, target });
      });
      if (o.json) for (const e of page.items) printJsonLine(e);
      else {
        printTable(
          page.items.map((e) => ({ ...e, trigger: e.trigger.text, article: e.articleId.slice(0, 10) })),
          ['date', 'type', 'source', 'target', 'modality', 'intensity', 'trigger', 'article'],
        );
        if (page.next) process.stderr.write(`more: --cursor ${page.next}\n`);
      }
    });
};
