import type { Command } from 'commander';
import { printJsonLine, withStore, type CommandRegistrar } from '../io.js';
import { dateArg } from '../analysisOptions.js';

interface ReversalOptions {
  actor?: string;
  issue?: string;
  from?: string;
  to?: string;
  json?: boolean;
}

export const reversalsCommand: CommandRegistrar = (program) => {
  program
    .command('reversals')
    .description('actors who took opposite positions on the same issue at different dates, with both pieces of evidence')
    .option('--actor <actor>', 'only this actor (id or name)')
    .option('--issue <issue>', 'only this issue id (see lexicons/issues.yaml)')
    .option('--from <date>', 'on or after YYYY-MM-DD')
    .option('--to <date>', 'on or before YYYY-MM-DD')
    .option('--json', 'one JSON object per reversal')
    .action(async (o: ReversalOptions, cmd: Command) => {
      const { resolveActorId } = await import('../../analyze/dyads.js');
      const { reversals } = await import('../../analyze/positions.js');
      const list = await withStore(cmd, async (s) =>
        reversals(s, { actor: o.actor ? await resolveActorId(s, o.actor) : undefined, issue: o.issue, from: dateArg(o.from, '--from'), to: dateArg(o.to, '--to') }),
      );
      if (o.json) return list.forEach((r) => printJsonLine(r));
      if (!list.length) return void process.stdout.write('no reversals found\n');
      for (const r of list) {
        const side = (label: string, s: typeof r.before) =>
          `  ${label} ${s.stance} (${s.period}): “${s.evidence[0].evidence.text.replace(/\s+/g, ' ')}” [${s.evidence[0].articleTitle ?? s.evidence[0].articleId}]\n`;
        process.stdout.write(`${r.actor} on ${r.issue}\n${side('before', r.before)}${side('after ', r.after)}\n`);
      }
    });
};
