import type { CommandRegistrar } from '../io.js';
import { globals, UsageError } from '../io.js';
import type { WorkerEvent } from '../../queue/worker.js';

// QUEUE_DEFAULTS.maintenanceIntervalSeconds, written out so `--help` need not load the queue;
// test/cli-startup.test.ts checks it.
const SWEEP_SECONDS_HELP = 30;

function positiveInt(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} ${v}: expected a whole number of at least 1`);
    return n;
  };
}

export const workerCommand: CommandRegistrar = (program) => {
  program
    .command('worker')
    .description('take ingestion jobs from the queue (PostgreSQL in --db) and store the results; run one per machine, as many machines as you like')
    .option('--concurrency <n>', 'pipeline threads (default: one per core)', positiveInt('--concurrency'))
    .option('--batch <n>', 'jobs taken at once (default: 8 per thread)', positiveInt('--batch'))
    .option('--store <location>', 'where documents go, if not the queue database itself (a postgres:// URL or a SQLite file on this machine)')
    .option('--sweep-seconds <n>', `how often timed-out jobs of dead workers are put back (default ${SWEEP_SECONDS_HELP})`, positiveInt('--sweep-seconds'))
    .option('--allow-private', 'let URL jobs fetch private and loopback addresses')
    .option('--once', 'stop when the queue is empty instead of waiting for more jobs')
    .action(async (opts: { concurrency?: number; batch?: number; store?: string; sweepSeconds?: number; allowPrivate?: boolean; once?: boolean }, cmd) => {
      const { resolveDbLocation } = await import('../../store/open.js');
      const [{ isPostgresUrl }, { runWorker }] = await Promise.all([import('../../queue/boss.js'), import('../../queue/worker.js')]);
      const db = resolveDbLocation(globals(cmd).db);
      if (!isPostgresUrl(db)) throw new UsageError(`the job queue needs PostgreSQL: pass --db postgres://… or set PARLEY_DB (got ${JSON.stringify(db)})`);
      const stop = new AbortController();
      const onSignal = () => {
        if (stop.signal.aborted) process.exit(130);
        process.stderr.write('parley worker: finishing the current batch, then stopping (again to quit at once)\n');
        stop.abort();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const report = progress();
      try {
        const stats = await runWorker({
          db,
          store: opts.store,
          concurrency: opts.concurrency,
          batchSize: opts.batch,
          maintenanceIntervalSeconds: opts.sweepSeconds,
          pipeline: { lexicons: globals(cmd).lexicon },
          fetch: { allowPrivate: opts.allowPrivate },
          exitWhenIdle: opts.once,
          signal: stop.signal,
          onEvent: report,
        });
        process.stdout.write(`worker stopped: ${stats.jobs} jobs, ${stats.stored} stored, ${stats.nearDuplicates} near duplicates, ${stats.duplicates} already stored, ${stats.failed} failed attempts\n`);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
};

/** Failures at once, progress every few seconds (a busy worker finishes many batches a second). */
function progress(): (e: WorkerEvent) => void {
  let jobs = 0;
  let stored = 0;
  let last = Date.now();
  let lastWait = '';
  return (e) => {
    if (e.type === 'started') process.stdout.write(`worker started: ${e.concurrency} pipeline thread(s), batches of ${e.batchSize}\n`);
    else if (e.type === 'failed') process.stderr.write(`${e.final ? 'failed' : 'will retry'}: ${e.input}: ${e.error}\n`);
    else if (e.type === 'waiting') {
      const line = `waiting for the ${e.what}: ${e.error}`;
      if (line !== lastWait) process.stderr.write(line + '\n');
      lastWait = line;
    } else if (e.type === 'batch') {
      lastWait = '';
      jobs += e.jobs;
      stored += e.stored;
      if (Date.now() - last >= 5000) {
        process.stdout.write(`${jobs} jobs done, ${stored} documents stored\n`);
        last = Date.now();
      }
    }
  };
}
