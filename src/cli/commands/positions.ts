import type { Command } from 'commander';
import { printJsonLine, printTable, withStore, type CommandRegistrar } from '../io.js';
import { dateArg } from '../analysisOptions.js';

interface PositionsOptions {
  from?: string;
  to?: string;
  json?: boolean;
}

export const positionsCommand: CommandRegistrar = (program) => {
  program
    .command('positions')
    .description("an actor's stated positions on the issues (supports, opposes, conditional), with evidence and dates")
    .argument('<actor>', 'actor id or name')
    .option('--from <date>', 'on or after YYYY-MM-DD')
    .option('--to <date>', 'on or before YYYY-MM-DD')
    .option('--json', 'one JSON object per issue')
    .action(async (actor: string, o: PositionsOptions, cmd: Command) => {
      const { requireActorId } = await import('../../analyze/dyads.js');
      const { actorPositions } = await import('../../analyze/positions.js');
      const range = { from: dateArg(o.from, '--from'), to: dateArg(o.to, '--to') };
      const stands = await withStore(cmd, async (s) => actorPositions(s, await requireActorId(s, actor), range));
      if (o.json) return stands.forEach((x) => printJsonLine(x));
      printTable(
        stands.flatMap((st) => st.positions.map((p) => ({ issue: st.issue, now: st.current, date: p.date, stance: p.stance, via: p.via, evidence: p.evidence.text, article: p.articleId.slice(0, 10) }))),
        ['issue', 'now', 'date', 'stance', 'via', 'evidence', 'article'],
      );
    });
};
