// Several server processes on one port (node:cluster): better-sqlite3 answers one query at a
// time per process, but SQLite in WAL mode serves readers in parallel across processes, so
// `--workers N` lets every core answer requests.
import cluster from 'node:cluster';

interface Ready {
  parleyUrl: string;
}

/** In the primary: fork `n` workers (each re-runs this command) and resolve with their URL. */
export function forkWorkers(n: number): Promise<string> {
  for (let i = 0; i < n; i++) cluster.fork();
  const stop = () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise((resolve, reject) => {
    let ready = false;
    cluster.on('message', (_w, msg: Ready) => {
      if (msg?.parleyUrl && !ready) {
        ready = true;
        resolve(msg.parleyUrl);
      }
    });
    cluster.on('exit', (_w, code) => {
      if (!ready) {
        stop();
        reject(new Error(`a server worker exited (${code ?? 'signal'}) before listening`));
      }
    });
  });
}

export const inPrimary = () => cluster.isPrimary;

/** In a worker: tell the primary the server listens; returns false outside a cluster. */
export function reportListening(url: string): boolean {
  if (!cluster.isWorker) return false;
  process.send?.({ parleyUrl: url } satisfies Ready);
  return true;
}
