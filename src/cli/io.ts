// What every command shares: the global options, opening the store, printing.
import type { Command } from 'commander';
import type { Store } from '../store/store.js';

export class UsageError extends Error {}

/** Register a command on the program; `setExit` raises the process exit code (never lowers it). */
export type CommandRegistrar = (program: Command, setExit: (code: number) => void) => void;

export interface GlobalOptions {
  db?: string;
  lexicon?: string[];
}

export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

export async function withStore<T>(cmd: Command, fn: (store: Store) => Promise<T>): Promise<T> {
  // Loaded here, not at start-up: `parley --help` never opens a database driver.
  const { openStore } = await import('../store/open.js');
  const store = await openStore(globals(cmd).db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function printJsonLine(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

export function printTable(rows: Record<string, unknown>[], columns: string[]): void {
  const cell = (v: unknown) => (v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v)).replace(/\s+/g, ' ');
  const widths = columns.map((c) => Math.min(60, Math.max(c.length, ...rows.map((r) => cell(r[c]).length))));
  const fmt = (vals: string[]) => vals.map((v, i) => (v.length > widths[i] ? v.slice(0, widths[i] - 1) + '…' : v.padEnd(widths[i]))).join('  ').trimEnd();
  process.stdout.write(fmt(columns) + '\n');
  for (const r of rows) process.stdout.write(fmt(columns.map((c) => cell(r[c]))) + '\n');
}
