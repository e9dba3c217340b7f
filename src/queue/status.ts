// What the queue holds, for `parley jobs` and the HTTP API: counts by state, recent jobs, and the
// dead letters (jobs that failed every attempt) with their last error. Read-only SQL on pg-boss's
// tables, so looking never starts queue maintenance or changes anything.
import pg from 'pg';
import { decodeCursor, encodeCursor, pageLimit, type Page, type PageRequest } from '../store/store.js';
import { DEAD_LETTER_QUEUE, INGEST_QUEUE, requirePostgres } from './boss.js';
import { jobInputName } from './job.js';

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
export const JOB_STATES: JobState[] = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'];

export interface JobCounts extends Record<JobState, number> {
  /** Jobs in the dead-letter queue: failed every attempt, kept for inspection. */
  dead: number;
}

export interface JobSummary {
  id: string;
  input: string;
  state: JobState;
  /** Attempts made so far, the first included. */
  attempts: number;
  maxAttempts: number;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  /** A retry waits until then. */
  startAfter: string | null;
  error: string | null;
}

export interface DeadLetter {
  id: string;
  input: string;
  error: string | null;
  failedAt: string;
}

export interface JobFilter extends PageRequest {
  state?: JobState;
}

type Source = string | pg.Pool;

async function query<T extends pg.QueryResultRow>(db: Source, sql: string, args: unknown[] = []): Promise<T[]> {
  if (typeof db !== 'string') return (await db.query<T>(sql, args)).rows;
  const client = new pg.Client({ connectionString: requirePostgres(db), application_name: 'parley-jobs' });
  await client.connect();
  try {
    return (await client.query<T>(sql, args)).rows;
  } finally {
    await client.end();
  }
}

async function installed(db: Source): Promise<boolean> {
  const rows = await query<{ ok: boolean }>(db, `SELECT to_regclass('pgboss.job') IS NOT NULL AS ok`);
  return rows[0].ok;
}

export async function jobCounts(db: Source): Promise<JobCounts> {
  const counts: JobCounts = { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0, dead: 0 };
  if (!(await installed(db))) return counts;
  const rows = await query<{ name: string; state: JobState; n: number }>(
    db,
    `SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name IN ($1, $2) GROUP BY name, state
     UNION ALL
     SELECT name, state::text, count(*)::int FROM pgboss.archive WHERE name = $1 GROUP BY name, state`,
    [INGEST_QUEUE, DEAD_LETTER_QUEUE],
  );
  for (const r of rows) {
    if (r.name === DEAD_LETTER_QUEUE) counts.dead += r.n;
    else counts[r.state] += r.n;
  }
  return counts;
}

export async function listJobs(db: Source, filter: JobFilter = {}): Promise<Page<JobSummary>> {
  if (!(await installed(db))) return { items: [], next: null };
  const limit = pageLimit(filter);
  const c = decodeCursor(filter.cursor);
  const args: unknown[] = [INGEST_QUEUE];
  const where = ['name = $1'];
  if (filter.state) (args.push(filter.state), where.push(`state = $${args.length}::pgboss.job_state`));
  if (c) (args.push(c[0], c[1]), where.push(`(created_on, id) < ($${args.length - 1}::timestamptz, $${args.length}::uuid)`));
  args.push(limit + 1);
  const rows = await query(
    db,
    `SELECT id::text, created_on::text AS ckey, data, state::text, retry_count, retry_limit, created_on, started_on, completed_on, start_after, output
     FROM pgboss.job WHERE ${where.join(' AND ')} ORDER BY created_on DESC, id DESC LIMIT $${args.length}`,
    args,
  );
  const items = rows.slice(0, limit).map(
    (r): JobSummary => ({
      id: r.id,
      input: jobInputName(r.data),
      state: r.state,
      attempts: r.started_on ? r.retry_count + 1 : r.retry_count,
      maxAttempts: r.retry_limit + 1,
      createdAt: iso(r.created_on)!,
      startedAt: iso(r.started_on),
      completedAt: iso(r.completed_on),
      startAfter: r.state === 'retry' ? iso(r.start_after) : null,
      error: outputError(r.output),
    }),
  );
  const last = rows[limit - 1];
  return { items, next: rows.length > limit ? encodeCursor([last.ckey, last.id]) : null };
}

export async function listDeadLetters(db: Source, page: PageRequest = {}): Promise<Page<DeadLetter>> {
  if (!(await installed(db))) return { items: [], next: null };
  const limit = pageLimit(page);
  const c = decodeCursor(page.cursor);
  const args: unknown[] = [DEAD_LETTER_QUEUE];
  let where = 'name = $1';
  if (c) (args.push(c[0], c[1]), (where += ` AND (created_on, id) < ($2::timestamptz, $3::uuid)`));
  args.push(limit + 1);
  const rows = await query(
    db,
    `SELECT id::text, created_on::text AS ckey, data, output, created_on FROM pgboss.job WHERE ${where} ORDER BY created_on DESC, id DESC LIMIT $${args.length}`,
    args,
  );
  const items = rows.slice(0, limit).map((r): DeadLetter => ({ id: r.id, input: jobInputName(r.data), error: outputError(r.output), failedAt: iso(r.created_on)! }));
  const last = rows[limit - 1];
  return { items, next: rows.length > limit ? encodeCursor([last.ckey, last.id]) : null };
}

function iso(d: Date | string | null): string | null {
  return d === null || d === undefined ? null : new Date(d).toISOString();
}

/** pg-boss keeps what a failed attempt reported in `output`; ours is `{ message }`. */
function outputError(output: unknown): string | null {
  const o = output as { message?: unknown; value?: { message?: unknown } } | null;
  const m = o?.message ?? o?.value?.message;
  return typeof m === 'string' ? m : null;
}
