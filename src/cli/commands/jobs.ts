import type { CommandRegistrar } from '../io.js';
import { globals, printJsonLine, printTable, UsageError } from '../io.js';
import type { JobState } from '../../queue/status.js';

// The queue's job states for the help text, written out so `--help` need not load the queue;
// test/cli-startup.test.ts checks them against JOB_STATES.
const STATES_HELP = 'created, retry, active, completed, cancelled, failed';

export const jobsCommand: CommandRegistrar = (program) => {
  program
    .command('jobs')
    .description('the ingestion queue: jobs by state, and the dead letters (jobs that failed every attempt) with their errors')
    .option('--state <state>', `list jobs in this state (${STATES_HELP})`)
    .option('--limit <n>', 'rows to list', (v) => Number(v), 20)
    .option('--json', 'print JSON lines instead of tables')
    .action(async (opts: { state?: string; limit: number; json?: boolean }, cmd) => {
      const { resolveDbLocation } = await import('../../store/open.js');
      const { isPostgresUrl } = await import('../../queue/boss.js');
      const { JOB_STATES, jobCounts, listDeadLetters, listJobs } = await import('../../queue/status.js');
      const db = resolveDbLocation(globals(cmd).db);
      if (!isPostgresUrl(db)) throw new UsageError(`the job queue needs PostgreSQL: pass --db postgres://… or set PARLEY_DB (got ${JSON.stringify(db)})`);
      if (opts.state && !JOB_STATES.includes(opts.state as JobState)) throw new UsageError(`--state ${opts.state}: expected one of ${JOB_STATES.join(', ')}`);
      if (!Number.isInteger(opts.limit) || opts.limit < 1) throw new UsageError('--limit: expected a whole number of at least 1');
      const counts = await jobCounts(db);
      const dead = await listDeadLetters(db, { limit: opts.limit });
      const jobs = opts.state ? await listJobs(db, { state: opts.state as JobState, limit: opts.limit }) : null;
      if (opts.json) {
        printJsonLine({ counts });
        for (const d of dead.items) printJsonLine({ deadLetter: d });
        for (const j of jobs?.items ?? []) printJsonLine({ job: j });
        return;
      }
      printTable([counts as unknown as Record<string, unknown>], [...JOB_STATES, 'dead']);
      if (jobs) {
        process.stdout.write(`\n${opts.state} jobs (newest first):\n`);
        printTable(jobs.items as unknown as Record<string, unknown>[], ['input', 'attempts', 'maxAttempts', 'createdAt', 'startAfter', 'error']);
      }
      if (dead.items.length) {
        process.stdout.write(`\ndead letters (newest first${dead.next ? `; first ${opts.limit}` : ''}):\n`);
        printTable(dead.items as unknown as Record<string, unknown>[], ['failedAt', 'input', 'error']);
      }
    });
};
