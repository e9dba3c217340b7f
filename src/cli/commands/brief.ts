import type { Command } from 'commander';
import { withStore, type CommandRegistrar } from '../io.js';
import { positiveInt } from '../numbers.js';
import { choiceArg, dateArg } from '../analysisOptions.js';

interface BriefOptions {
  actor?: string;
  from?: string;
  to?: string;
  format: string;
  limit: string;
}

export const briefCommand: CommandRegistrar = (program) => {
  program
    .command('brief')
    .description('a brief: timeline, top quotes per actor, relations that moved, positions and reversals, every line citing its articles')
    .option('--actor <actor>', 'focus on this actor (id or name)')
    .option('--from <date>', 'on or after YYYY-MM-DD')
    .option('--to <date>', 'on or before YYYY-MM-DD')
    .option('--format <format>', 'md or html', 'md')
    .option('-n, --limit <n>', 'lines per section', '15')
    .action(async (o: BriefOptions, cmd: Command) => {
      const { buildBrief, renderHtml, renderMarkdown } = await import('../../analyze/brief.js');
      const format = choiceArg(o.format, '--format', ['md', 'html'] as const);
      const brief = await withStore(cmd, (s) => buildBrief(s, { actor: o.actor, from: dateArg(o.from, '--from'), to: dateArg(o.to, '--to'), limit: positiveInt(o.limit, '--limit') }));
      process.stdout.write(format === 'html' ? renderHtml(brief) : renderMarkdown(brief));
    });
};
