// Argument checks shared by the analysis commands (events, timeline, dyad, positions, reversals,
// brief, export): a bad value is a usage error naming the flag, never a silent empty result.
import { EVENT_TYPES, type EventType } from '../document.js';
import { UsageError } from './io.js';

export function dateArg(v: string | undefined, flag: string): string | undefined {
  if (v === undefined) return undefined;
  const m = /^\d{4}(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (!m || (m[1] && (+m[1] < 1 || +m[1] > 12)) || (m[2] && (+m[2] < 1 || +m[2] > 31))) throw new UsageError(`${flag} "${v}" is not a date: use YYYY-MM-DD, YYYY-MM or YYYY`);
  return v;
}

export function typeArg(v: string | undefined): EventType | undefined {
  if (v === undefined) return undefined;
  const t = v.toUpperCase() as EventType;
  if (!EVENT_TYPES.includes(t)) throw new UsageError(`--type "${v}" is not an event type: use one of ${EVENT_TYPES.join(', ')}`);
  return t;
}

export function choiceArg<T extends string>(v: string, flag: string, choices: readonly T[]): T {
  if (!choices.includes(v as T)) throw new UsageError(`${flag} "${v}": use ${choices.join(', ')}`);
  return v as T;
}

export function actorLabel(id: string | null, names: Record<string, string> = {}): string {
  return id ? (names[id] ?? id) : '—';
}
