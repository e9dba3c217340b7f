// The job queue lives in PostgreSQL through pg-boss: the queue tables sit in their own schema
// (`pgboss`) of the same database as the store, so one connection string configures everything
// and any number of machines share it.
import PgBoss from 'pg-boss';

export const INGEST_QUEUE = 'parley-ingest';
/** Jobs that failed every attempt are copied here by pg-boss, with their last error. */
export const DEAD_LETTER_QUEUE = 'parley-ingest-dead';

export interface QueueOptions {
  /** A postgres:// URL. */
  db: string;
  /** An attempt not completed within this time (a killed or stuck worker) is retried. */
  jobTimeoutSeconds?: number;
  /** Attempts after the first before a job goes to the dead-letter queue. */
  retryLimit?: number;
  /** First retry delay; doubles (with jitter) at every further attempt. */
  retryDelaySeconds?: number;
  /** How often some worker sweeps timed-out jobs back to the queue (one per cluster at a time). */
  maintenanceIntervalSeconds?: number;
  /** Connections this process may open to the queue. */
  maxConnections?: number;
  /** Errors of the queue's own background work (lost connections …); they never throw. */
  onError?: (err: Error) => void;
}

export const QUEUE_DEFAULTS = {
  jobTimeoutSeconds: 300,
  retryLimit: 3,
  retryDelaySeconds: 10,
  maintenanceIntervalSeconds: 30,
};
type Settings = typeof QUEUE_DEFAULTS;

/** Defaults for every setting left out or given as undefined (an absent CLI flag). */
function withDefaults<T extends Partial<Settings>>(options: T): T & Settings {
  const out: Record<string, unknown> = { ...QUEUE_DEFAULTS };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) out[k] = v;
  return out as T & Settings;
}

export function isPostgresUrl(location: string | null | undefined): location is string {
  return !!location && /^postgres(ql)?:\/\//i.test(location);
}

export function requirePostgres(location: string | null | undefined): string {
  if (!isPostgresUrl(location))
    throw new Error(
      `the job queue needs PostgreSQL: pass --db postgres://… or set PARLEY_DB (got ${location ? JSON.stringify(location) : 'nothing'})`,
    );
  return location;
}

/** Start pg-boss (installing its schema on first use) and make sure both queues exist. */
export async function openQueue(options: QueueOptions): Promise<PgBoss> {
  const o = withDefaults(options);
  const boss = new PgBoss({
    connectionString: requirePostgres(o.db),
    max: o.maxConnections ?? 4,
    application_name: 'parley-queue',
    // Timed-out jobs are only swept by the maintenance task, so it must run often enough for a
    // killed worker's jobs to come back soon; pg-boss makes sure only one process runs it at a time.
    supervise: true,
    maintenanceIntervalSeconds: o.maintenanceIntervalSeconds,
    schedule: false,
    archiveCompletedAfterSeconds: 7 * 24 * 3600,
  });
  boss.on('error', (err: Error) => o.onError?.(err));
  await boss.start();
  await ensureQueues(boss, o);
  return boss;
}

async function ensureQueues(boss: PgBoss, o: Settings): Promise<void> {
  // Queue-level settings are only defaults for jobs enqueued without their own (see jobOptions);
  // they are set when the queue is created and never fought over by workers with other options.
  const settings = {
    retryLimit: o.retryLimit,
    retryDelay: o.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: o.jobTimeoutSeconds,
  };
  // Several workers may start at once; create_queue is idempotent (ON CONFLICT DO NOTHING), but a
  // concurrent partition creation can still collide, so a failure is retried after a pause.
  for (let attempt = 0; ; attempt++) {
    try {
      if (!(await boss.getQueue(DEAD_LETTER_QUEUE))) await boss.createQueue(DEAD_LETTER_QUEUE, { name: DEAD_LETTER_QUEUE });
      if (!(await boss.getQueue(INGEST_QUEUE)))
        await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, ...settings, deadLetter: DEAD_LETTER_QUEUE });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
    }
  }
}

/** Per-job retry and timeout settings, so each job keeps the policy it was enqueued with. */
export function jobOptions(options: Omit<QueueOptions, 'db'>): PgBoss.SendOptions {
  const o = withDefaults(options);
  return {
    retryLimit: o.retryLimit,
    retryDelay: o.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: o.jobTimeoutSeconds,
    deadLetter: DEAD_LETTER_QUEUE,
    // Dead letters and finished jobs stay listable for a month.
    retentionDays: 30,
  };
}
