// A text lower-cased once, for slicing: each slice is then the lower case of the same slice of
// the text, offset for offset (lower-casing every word or token apart cost a fifth of a stage),
// unless a mapping changes length (İ → i̇), depends on the letters around it (a final Σ) or a
// slice splits a surrogate pair. Such texts get null, and their slices are lower-cased apart.
export function lowerCaseAligned(text: string): string | null {
  if (/[\uD800-\uDFFF\u03A3]/.test(text)) return null;
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : null;
}
