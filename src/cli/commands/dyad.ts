import type { Command } from 'commander';
import { printJsonLine, printTable, withStore, type CommandRegistrar } from '../io.js';
import { choiceArg, dateArg } from '../analysisOptions.js';

interface DyadOptions {
  by: string;
  from?: string;
  to?: string;
  exact?: boolean;
  json?: boolean;
}

export const dyadCommand: CommandRegistrar = (program) => {
  program
    .command('dyad')
    .description('how A acts towards and speaks about B over time: events by type, mean intensity (−10…+10), tone of A\'s quotes about B (−3…+3)')
    .argument('<a>', 'source actor (id or name); includes actors affiliated to it')
    .argument('<b>', 'target actor (id or name); includes actors affiliated to it')
    .option('--by <period>', 'day, week or month', 'month')
    .option('--from <date>', 'on or after YYYY-MM-DD')
    .option('--to <date>', 'on or before YYYY-MM-DD')
    .option('--exact', 'only the two actors themselves, not their affiliates')
    .option('--json', 'the series as one JSON object')
    .action(async (a: string, b: string, o: DyadOptions, cmd: Command) => {
      const { dyadSeries, requireActorId } = await import('../../analyze/dyads.js');
      const by = choiceArg(o.by, '--by', ['day', 'week', 'month'] as const);
      const opts = { by, from: dateArg(o.from, '--from'), to: dateArg(o.to, '--to'), exact: o.exact };
      const series = await withStore(cmd, async (s) => dyadSeries(s, await requireActorId(s, a), await requireActorId(s, b), opts));
      if (o.json) return printJsonLine(series);
      process.stdout.write(`${series.source} → ${series.target} by ${series.by}\n`);
      printTable(
        series.points.map((p) => ({ ...p, types: Object.entries(p.byType).map(([t, n]) => `${t}:${n}`) })),
        ['period', 'events', 'intensity', 'quotes', 'tone', 'types'],
      );
    });
};
