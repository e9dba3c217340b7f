// `parley ingest --queue` and `--threads`: the branches of the ingest command that belong to the
// job queue and the thread pool (src/queue).
import type { Command } from 'commander';
import { globals, UsageError } from '../io.js';

export function threadsOption(v: string): number | 'auto' {
  if (v === 'auto') return 'auto';
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--threads ${v}: expected a whole number of at least 1, or auto`);
  return n;
}

export async function queueInputs(inputs: string[], cmd: Command, setExit: (code: number) => void): Promise<void> {
  const [{ isPostgresUrl }, { enqueue }, { resolveDbLocation }] = await Promise.all([import('../../queue/boss.js'), import('../../queue/enqueue.js'), import('../../store/open.js')]);
  const db = resolveDbLocation(globals(cmd).db);
  if (!isPostgresUrl(db)) throw new UsageError(`--queue needs PostgreSQL: pass --db postgres://… or set PARLEY_DB (got ${JSON.stringify(db)})`);
  const result = await enqueue(inputs, { db });
  process.stderr.write(`queued ${result.queued} job${result.queued === 1 ? '' : 's'}, failed ${result.failures.length}; run \`parley worker\` to process them\n`);
  for (const f of result.failures) process.stderr.write(`failed: ${f.input}: ${f.error}\n`);
  setExit(result.failures.length ? 1 : 0);
}
