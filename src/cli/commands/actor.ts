import type { Command } from 'commander';
import { printTable, withStore, type CommandRegistrar } from '../io.js';
import { positiveInt } from '../numbers.js';

interface ActorOptions {
  articles: string;
  json?: boolean;
}

export const actorCommand: CommandRegistrar = (program, setExit) => {
  program
    .command('actor')
    .description('one actor: aliases, roles, where it is mentioned, who is named alongside it')
    .argument('<name>', 'actor id or any of its names (e.g. vladimir-putin, Putin)')
    .option('--articles <n>', 'how many of the latest articles to show and scan for co-mentions', '20')
    .option('--json', 'print the profile as JSON')
    .action(async (name: string, opts: ActorOptions, cmd: Command) => {
      const { actorProfile } = await import('../../nlp/actor-profile.js');
      const articles = positiveInt(opts.articles, '--articles');
      const p = await withStore(cmd, (s) => actorProfile(s, name, { articles }));
      if (!p) {
        process.stderr.write(`parley: no actor named "${name}" in the store (try \`parley actors --search ${JSON.stringify(name)}\`)\n`);
        setExit(1);
        return;
      }
      if (opts.json) {
        process.stdout.write(JSON.stringify(p, null, 2) + '\n');
        return;
      }
      const a = p.actor;
      const out = process.stdout;
      out.write(`${a.name}  (${a.id}, ${a.type})\n`);
      if (a.aliases.length) out.write(`aliases:      ${a.aliases.join(', ')}\n`);
      if (p.roles.length) out.write(`roles:        ${p.roles.join('; ')}\n`);
      if (a.country) out.write(`country:      ${a.country}\n`);
      if (a.affiliation) out.write(`affiliation:  ${a.affiliation}\n`);
      out.write(`mentions:     ${a.mentions} in ${a.articles} article(s)\n\nmentioned in (latest ${p.scanned}):\n`);
      printTable(p.appearances as unknown as Record<string, unknown>[], ['published', 'articleId', 'mentions', 'title', 'excerpt']);
      out.write(`\nco-mentioned actors:\n`);
      printTable(p.coMentioned.slice(0, 25) as unknown as Record<string, unknown>[], ['id', 'name', 'type', 'articles']);
    });
};
