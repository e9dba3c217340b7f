// The documented bounds on untrusted input (README "Ingesting"): one article — a file, a fetched
// page, a feed, one JSONL line — is at most MAX_INPUT_BYTES; larger inputs are refused, not cut.
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 15_000;
export const MAX_REDIRECTS = 5;

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} kB` : `${n} bytes`;
}

export function tooLarge(size: number, max = MAX_INPUT_BYTES): string {
  return `too large (${formatBytes(size)}; the limit is ${formatBytes(max)} per article)`;
}
