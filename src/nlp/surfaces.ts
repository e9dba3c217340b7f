// The surface string of every token, shared by the stages after `tokens`. The tokens stage
// already holds each surface as wink's own string (one string object per vocabulary word, reused
// across documents), so it records them here: later stages then neither slice doc.text again nor
// hash a fresh string on every lookup keyed by a surface.

const registered = new WeakMap<object, string[]>();

/** Record the surfaces of a token list; `surfaces[i]` must equal text.slice(tokens[i].start, tokens[i].end). */
export function registerSurfaces(tokens: object, surfaces: string[]): void {
  registered.set(tokens, surfaces);
}

/** The surface of every token: as recorded by the tokens stage, or sliced from `text` for a token
 * list that came from elsewhere (a stored document, a test). Callers must not modify the array. */
export function tokenSurfaces(text: string, tokens: { start: number; end: number }[]): string[] {
  let s = registered.get(tokens);
  if (!s || s.length !== tokens.length) {
    s = new Array<string>(tokens.length);
    for (let i = 0; i < tokens.length; i++) s[i] = text.slice(tokens[i].start, tokens[i].end);
    registered.set(tokens, s);
  }
  return s;
}
