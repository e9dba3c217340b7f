// The surface string and lookup key of every token, shared by the stages after `tokens`. The
// tokens stage already holds each surface as wink's own string (one string object per vocabulary
// word, reused across documents) and looks its key up once per surface, so it records both here:
// later stages then neither slice doc.text again nor lower-case every token once more.

interface Recorded {
  surfaces: string[];
  keys: string[] | null;
}
const recorded = new WeakMap<object, Recorded>();

/** Normalised key of a token: lower case, curly apostrophes straightened. */
export function tokenKey(s: string): string {
  const l = s.toLowerCase();
  return l.includes('’') || l.includes('‘') || l.includes('`') ? l.replace(/[’‘`]/g, "'") : l;
}

/** Record the surfaces (and keys) of a token list; `surfaces[i]` must equal
 * text.slice(tokens[i].start, tokens[i].end) and `keys[i]` tokenKey(surfaces[i]). */
export function recordTokens(tokens: object, surfaces: string[], keys: string[] | null = null): void {
  recorded.set(tokens, { surfaces, keys });
}

function recordOf(text: string, tokens: { start: number; end: number }[]): Recorded {
  let r = recorded.get(tokens);
  // A list that came from elsewhere (a stored document, a test), or was changed since.
  if (!r || r.surfaces.length !== tokens.length) {
    const surfaces = new Array<string>(tokens.length);
    for (let i = 0; i < tokens.length; i++) surfaces[i] = text.slice(tokens[i].start, tokens[i].end);
    recorded.set(tokens, (r = { surfaces, keys: null }));
  }
  return r;
}

/** The surface of every token. Callers must not modify the array. */
export function tokenSurfaces(text: string, tokens: { start: number; end: number }[]): string[] {
  return recordOf(text, tokens).surfaces;
}

/** tokenKey of every token, computed once per token list (the entities and actors stages share it).
 * Callers must not modify the array. */
export function tokenKeys(text: string, tokens: { start: number; end: number }[]): string[] {
  const r = recordOf(text, tokens);
  if (!r.keys) r.keys = r.surfaces.map(tokenKey);
  return r.keys;
}
