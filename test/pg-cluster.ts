// A throwaway PostgreSQL cluster for tests that must stop and start the server: created in a
// temporary folder on a free loopback port, never the shared CI cluster other tests use.
// Found through PARLEY_PG_BIN or Debian's /usr/lib/postgresql/<version>/bin.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function findPgBin(): string | null {
  const candidates = [process.env.PARLEY_PG_BIN];
  try {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(`/usr/lib/postgresql/${v}/bin`);
  } catch {
    /* no Debian layout */
  }
  for (const c of candidates) if (c && existsSync(join(c, 'initdb')) && existsSync(join(c, 'pg_ctl'))) return c;
  return null;
}

/** Why cluster tests cannot run here, or false. In CI a missing PostgreSQL is a failure, not a skip. */
export function pgClusterSkip(): string | false {
  if (findPgBin()) return false;
  if (process.env.CI) throw new Error('CI is set but no PostgreSQL binaries were found (set PARLEY_PG_BIN)');
  return 'PostgreSQL binaries not found (install postgresql or set PARLEY_PG_BIN): cluster tests skipped';
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface TestCluster {
  url: string;
  port: number;
  stop(): void;
  start(): void;
  destroy(): void;
}

export async function startCluster(): Promise<TestCluster> {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL binaries not found');
  const dir = mkdtempSync(join(tmpdir(), 'parley-pg-'));
  const data = join(dir, 'data');
  const port = await freePort();
  // PostgreSQL refuses to run as root: when the tests run as root, the server runs as `postgres`.
  const asUser = process.getuid?.() === 0 ? postgresUser() : null;
  if (asUser) {
    chownSync(dir, asUser.uid, asUser.gid);
    chmodSync(dir, 0o700);
  }
  const run = (tool: string, args: string[]) => {
    const r = spawnSync(join(bin, tool), args, { cwd: dir, encoding: 'utf8', ...(asUser ?? {}), timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${r.stderr || r.stdout || r.error}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  let destroyed = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        stop();
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}
