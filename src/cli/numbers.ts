// Numeric command-line options, refused as usage errors (exit 2) when not numbers.
import { UsageError } from './io.js';

export function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive whole number (got "${value}")`);
  return n;
}
