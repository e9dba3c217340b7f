import type { Command } from 'commander';
import { withStore, type CommandRegistrar } from '../io.js';
import { choiceArg, dateArg } from '../analysisOptions.js';

interface ExportOptions {
  format: string;
  table: string;
  from?: string;
  to?: string;
}

export const exportCommand: CommandRegistrar = (program) => {
  program
    .command('export')
    .description('export actors, events and dyads: JSON (all three), CSV (one table) or GraphML (actors as nodes, dyads as edges)')
    .option('--format <format>', 'json, csv or graphml', 'json')
    .option('--table <table>', 'for CSV: actors, events or dyads', 'events')
    .option('--from <date>', 'events on or after YYYY-MM-DD')
    .option('--to <date>', 'events on or before YYYY-MM-DD')
    .action(async (o: ExportOptions, cmd: Command) => {
      const { exportSystem } = await import('../../analyze/export.js');
      const format = choiceArg(o.format, '--format', ['json', 'csv', 'graphml'] as const);
      const table = choiceArg(o.table, '--table', ['actors', 'events', 'dyads'] as const);
      const out = await withStore(cmd, (s) => exportSystem(s, format, { table, from: dateArg(o.from, '--from'), to: dateArg(o.to, '--to') }));
      process.stdout.write(out);
    });
};
