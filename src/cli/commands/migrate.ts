import type { CommandRegistrar } from '../io.js';
import { globals, printJsonLine } from '../io.js';
import { migrateStore } from '../../store/open.js';

export const migrateCommand: CommandRegistrar = (program) => {
  program
    .command('migrate')
    .description('apply pending database migrations (forward only; safe to run from several machines at once)')
    .option('--json', 'print the report as one JSON object')
    .action(async (opts: { json?: boolean }, cmd) => {
      const r = await migrateStore(globals(cmd).db);
      if (opts.json) return printJsonLine(r);
      process.stdout.write(
        r.applied.length
          ? `applied migrations ${r.applied.join(', ')} to ${r.engine} ${r.location}; now at version ${r.version}\n`
          : `${r.engine} ${r.location} is up to date (version ${r.version})\n`,
      );
    });
};
