import type { Command } from 'commander';
import { withStore, type CommandRegistrar } from '../io.js';

export const showCommand: CommandRegistrar = (program, setExit) => {
  program
    .command('show')
    .description('print one stored article as JSON, with all its layers')
    .argument('<id>', 'article id (as `parley list` shows it)')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { toContract } = await import('../../contract.js');
      const doc = await withStore(cmd, (s) => s.getArticle(id));
      if (!doc) {
        process.stderr.write(`parley: no article with id ${id}\n`);
        setExit(1);
        return;
      }
      process.stdout.write(JSON.stringify(toContract(doc), null, 2) + '\n');
    });
};
