// Input problems are reported, never thrown past the batch: one line naming the input and the
// problem, so a batch with one broken file still stores every other one.

/** An input that cannot be read or makes no article; `input` names the file/URL/line. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly problem: string,
  ) {
    super(`${input}: ${problem}`);
  }
}

/** A failed input as readers and extract() yield it (serialisable, unlike an Error). */
export interface Failure {
  failed: true;
  input: string;
  error: string;
}

export function failure(input: string, err: unknown): Failure {
  const problem = err instanceof InputError ? err.problem : err instanceof Error ? err.message : String(err);
  return { failed: true, input: err instanceof InputError ? err.input : input, error: oneLine(problem) };
}

export function isFailure(x: unknown): x is Failure {
  return typeof x === 'object' && x !== null && (x as Failure).failed === true;
}

function oneLine(s: string): string {
  // Messages may quote the input (JSON and XML parsers do): control characters from untrusted
  // bytes are shown escaped, never sent raw to a terminal or log (found by test/fuzz-readers).
  return s
    .replace(/\s+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .trim();
}
