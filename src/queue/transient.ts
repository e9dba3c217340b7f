// Waiting out a database that is restarting or unreachable, as opposed to errors that retrying
// cannot fix.

/** Connection-level failures of PostgreSQL (and a busy SQLite file): worth waiting for. */
export function isTransient(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : String(err);
  if (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|SQLITE_BUSY.*|SQLITE_LOCKED.*|unavailable)$/.test(code)) return true;
  // SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57P (shutdown,
  // cannot connect now) and 40001/40P01 (serialisation failure, deadlock: the retry succeeds).
  if (/^(08...|53...|57P0[1-4]|40001|40P01)$/.test(code)) return true;
  return /Connection terminated|connection (is )?(closed|ended)|Client has encountered a connection error|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)|terminating connection/i.test(
    message,
  );
}

/** Resolves true after `ms`, or false as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(t);
      signal?.removeEventListener('abort', onAbort);
      resolve(ok);
    };
    const onAbort = () => done(false);
    const t = setTimeout(() => done(true), ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Run `fn` until it succeeds, waiting longer after each transient failure (up to 5 s). Other
 * errors are thrown. Returns null when the signal aborts first.
 */
export async function untilDone<T>(fn: () => Promise<T>, signal: AbortSignal, onWait: (err: unknown) => void): Promise<T | null> {
  for (let wait = 250; !signal.aborted; wait = Math.min(wait * 2, 5000)) {
    try {
      return await fn();
    } catch (err) {
      if (!isTransient(err)) throw err;
      onWait(err);
      if (!(await sleep(wait, signal))) break;
    }
  }
  return null;
}
