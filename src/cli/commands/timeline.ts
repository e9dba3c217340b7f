import type { Command } from 'commander';
import { printJsonLine, printTable, withStore, type CommandRegistrar } from '../io.js';
import { dateArg, typeArg } from '../analysisOptions.js';

interface TimelineOptions {
  actor?: string;
  type?: string;
  from?: string;
  to?: string;
  negated?: boolean;
  json?: boolean;
}

export const timelineCommand: CommandRegistrar = (program) => {
  program
    .command('timeline')
    .description('the merged, dated timeline of events: one line per real-world event, with every article reporting it')
    .option('--actor <actor>', 'events with this actor (id or name)')
    .option('--type <type>', 'one PLOVER type')
    .option('--from <date>', 'on or after YYYY-MM-DD')
    .option('--to <date>', 'on or before YYYY-MM-DD')
    .option('--negated', 'also list denied events ("didn\'t attack")')
    .option('--json', 'one JSON object per line')
    .action(async (o: TimelineOptions, cmd: Command) => {
      const { resolveActorId } = await import('../../analyze/dyads.js');
      const { timeline } = await import('../../analyze/timeline.js');
      const opts = { type: typeArg(o.type), from: dateArg(o.from, '--from'), to: dateArg(o.to, '--to'), negated: o.negated };
      const events = await withStore(cmd, async (s) => timeline(s, { ...opts, actor: o.actor ? await resolveActorId(s, o.actor) : undefined }));
      if (o.json) for (const e of events) printJsonLine(e);
      else
        printTable(
          events.map((e) => ({ ...e, trigger: e.reports[0].trigger.text, reports: e.reports.length, articles: e.articles.map((a) => a.slice(0, 8)) })),
          ['date', 'type', 'source', 'target', 'modality', 'intensity', 'trigger', 'reports', 'articles'],
        );
    });
};
