import type { CommandRegistrar } from '../io.js';
import { withStore } from '../io.js';

export const migrateCommand: CommandRegistrar = (program) => {
  program
    .command('migrate')
    .description('apply pending database migrations (forward only)')
    .action(async (_opts, cmd) => {
      const applied = await withStore(cmd, (s) => s.migrate());
      process.stdout.write(applied.length ? `applied migrations: ${applied.join(', ')}\n` : 'database is up to date\n');
    });
};
