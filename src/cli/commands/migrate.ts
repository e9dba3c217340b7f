import type { CommandRegistrar } from '../io.js';
import { globals, printJsonLine } from '../io.js';

export const migrateCommand: CommandRegistrar = (program) => {
  program
    .command('migrate')
    .description('apply pending database migrations (forward only; safe to run from several machines at once)')
    .option('--json', 'print the report as one JSON object')
    .action(async (opts: { json?: boolean }, cmd) => {
      const { migrateStore } = await import('../../store/open.js');
      const r = await migrateStore(globals(cmd).db);
      if (opts.json) return printJsonLine(r);
      process.stdout.write(
        r.applied.length
          ? `applied migrations ${r.applied.join(', ')} to ${r.engine} ${r.location}; now at version ${r.version}\n`
          : `${r.engine} ${r.location} is up to date (version ${r.version})\n`,
      );
    });
};
