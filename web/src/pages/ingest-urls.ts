// The URL box says "one per line": a line is one URL, spaces and all, so a mistyped line is one
// failed item with a message that says what is wrong, not several nonsense requests.

/** The lines of the URL box, trimmed, blank lines skipped. */
export function urlLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Why a line cannot be fetched, in words for the person who typed it; null when it can be. */
export function urlProblem(line: string): string | null {
  let url: URL;
  try {
    url = new URL(line);
  } catch {
    return /\s/.test(line) ? 'not a web address (it contains spaces); put one URL per line' : 'not a web address; it should start with http:// or https://';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `unsupported URL scheme ${url.protocol} (http and https only)`;
  return null;
}
