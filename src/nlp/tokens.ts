// Stage `tokens`: sentences and tokens (wink-nlp), with offsets mapped back to exact indices in
// doc.text. News rules on top of wink's splitter: a blank line always ends a sentence, a line
// break ends one unless the next line starts lower-case (hard-wrapped text), and a split right
// after a title abbreviation ("Mr.", "Gen.") is undone.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Document, Sentence, Token } from '../document.js';
import type { Stage, StageFactory } from '../pipeline.js';
import { recordTokens, tokenKey } from './surfaces.js';

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | null = null;

/** The wink-nlp instance, loaded once per process (loading the model takes ~100 ms). Only sentence
 * splitting and POS tagging run: wink's own NER, negation and sentiment cost a third of the time
 * and nothing reads them. */
export function wink(): Wink {
  if (!nlp) nlp = winkNLP(model, ['sbd', 'pos']);
  return nlp;
}

// A sentence that ends with one of these was cut by mistake: "Gen. Milley", "Mr. Trump".
const TITLE_ABBREV = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'gen.', 'lt.', 'col.', 'sgt.', 'capt.', 'cmdr.', 'adm.', 'maj.', 'gov.',
  'sen.', 'rep.', 'rev.', 'prof.', 'st.', 'no.', 'vs.', 'messrs.', 'pres.', 'amb.', 'brig.', 'cpl.', 'pvt.',
]);

// What a token's wink word id (its index in wink's vocabulary, which also numbers the unknown
// words it meets, for the life of the process) always maps to, looked up once per token: an array
// read, where a Map keyed by the surface string cost several cache misses per token, and wink's
// own per-token outputs for the surface and lemma were a sixth of this stage. For a token that is
// not part of a contraction, wink's lemma depends only on the word and its POS tag; contractions
// carry their lemma in the token and always ask wink.
interface SurfaceInfo {
  /** The surface (wink's string for it) and its tokenKey, for the later stages. */
  surface: string;
  key: string;
  /** The first POS tag seen with the surface, and the lower-cased lemma under it. */
  pos: string;
  lemma: string;
  /** Lemmas under other POS tags. */
  other?: Map<string, string>;
}
// In blocks of 4096 ids, made as ids come: wink numbers every unknown word it meets (each new
// figure or name) for the life of the process, so ids grow without end while the words of a
// stretch of news are comparatively few. Dropped whole past SURFACE_CACHE_MAX words.
const BLOCK_BITS = 12;
const blocks: ((SurfaceInfo | undefined)[] | undefined)[] = [];
let cachedWords = 0;
const SURFACE_CACHE_MAX = 200_000;

function surfaceInfo(id: number): SurfaceInfo | undefined {
  return blocks[id >>> BLOCK_BITS]?.[id & ((1 << BLOCK_BITS) - 1)];
}

function remember(id: number, info: SurfaceInfo): void {
  const b = id >>> BLOCK_BITS;
  // Grown densely (never with holes) so that both levels stay fast arrays.
  while (blocks.length <= b) blocks.push(undefined);
  const block = (blocks[b] ??= new Array<SurfaceInfo | undefined>(1 << BLOCK_BITS).fill(undefined));
  block[id & ((1 << BLOCK_BITS) - 1)] = info;
  cachedWords++;
}

/** Tokenise and split `text`; offsets index `text` exactly. */
export function tokenize(text: string): { sentences: Sentence[]; tokens: Token[] } {
  const w = wink();
  const its = w.its;
  const d = w.readDoc(text);
  const col = d.tokens();
  const ids = col.out(its.uniqueId as unknown as typeof its.value) as unknown as number[];
  const pos = col.out(its.pos) as string[];
  const contracted = col.out(its.contractionFlag as unknown as typeof its.value) as unknown as boolean[];
  const spans = d.sentences().out(its.span) as unknown as [number, number][];
  // wink's typings do not list its.lemma as an ItsFunction, though it is one.
  const lemmaOf = (i: number) => (col.itemAt(i).out(its.lemma as unknown as typeof its.value) as string).toLowerCase();
  if (cachedWords > SURFACE_CACHE_MAX) {
    blocks.length = 0;
    cachedWords = 0;
  }

  // Sentence boundaries as wink-token indices where a new sentence starts.
  const startsAt = new Uint8Array(ids.length + 1);
  for (const [st] of spans) startsAt[st] = 1;
  const tokens: Token[] = [];
  const surfaces: string[] = [];
  const keys: string[] = [];
  const sentences: Sentence[] = [];
  let sentStart = -1; // index in `tokens` of the current sentence's first token
  let forceBreak = false;
  let prevEnd = -1;
  let prevValue = '';
  let prev2Value = '';
  // Map wink tokens to offsets: each value is a substring of text, found at or shortly after
  // the cursor. A token wink rewrote (rare) is skipped rather than given a wrong offset.
  let cursor = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    let info = surfaceInfo(id);
    if (!info) {
      const surface = col.itemAt(i).out(its.value) as string;
      remember(id, (info = { surface, key: tokenKey(surface), pos: '', lemma: '' }));
    }
    const v = info.surface;
    const at = text.startsWith(v, cursor) ? cursor : text.indexOf(v, cursor);
    if (at < 0 || at - cursor > 64) continue;
    cursor = at + v.length;
    const p = pos[i];
    if (p === 'SPACE' || v.trim() === '') {
      if (v.includes('\n')) forceBreak = true;
      continue;
    }
    if (sentStart >= 0) {
      let blank = false;
      if (at > prevEnd) {
        // Only whitespace separates tokens; look for line breaks in it.
        let nl = 0;
        for (let k = prevEnd; k < at; k++) if (text.charCodeAt(k) === 10) nl++;
        if (nl) forceBreak = true;
        blank = nl >= 2;
      }
      let brk = false;
      if (forceBreak) {
        // A single line break inside running lower-case text is hard wrapping, not a paragraph.
        const c = v.charCodeAt(0);
        brk = blank || !(c >= 97 && c <= 122);
      } else if (
        at > prevEnd && (prevValue === '"' || prevValue === '”' || prevValue === '’') && /[.!?]$/.test(prev2Value) &&
        /^[A-Z]/.test(v) && p !== 'PROPN'
      ) {
        // wink keeps '…ahead!!!" Then he left' together; a capitalised non-name after a
        // quote closed by end punctuation starts a new sentence.
        brk = true;
      } else if (startsAt[i]) {
        // A closing quote glued to the previous token belongs to that sentence ("ahead!!!"").
        brk = !TITLE_ABBREV.has(prevValue.toLowerCase()) && !(at === prevEnd && p === 'PUNCT');
      }
      if (brk) {
        sentences.push({ start: tokens[sentStart].start, end: prevEnd });
        sentStart = tokens.length;
      }
    } else sentStart = 0;
    forceBreak = false;
    let lemma: string | undefined;
    if (contracted[i]) lemma = lemmaOf(i);
    else if (info.pos === p) lemma = info.lemma;
    else if (info.pos === '') {
      info.pos = p;
      lemma = info.lemma = lemmaOf(i);
    } else {
      if (!info.other) info.other = new Map();
      lemma = info.other.get(p);
      if (lemma === undefined) info.other.set(p, (lemma = lemmaOf(i)));
    }
    tokens.push({ start: at, end: at + v.length, pos: p, lemma, sentence: sentences.length });
    surfaces.push(v);
    keys.push(info.key);
    prev2Value = prevValue;
    prevValue = v;
    prevEnd = at + v.length;
  }
  if (sentStart >= 0 && sentStart < tokens.length) sentences.push({ start: tokens[sentStart].start, end: prevEnd });
  recordTokens(tokens, surfaces, keys);
  return { sentences, tokens };
}

export const tokensStage: StageFactory = (): Stage => {
  wink();
  return {
    name: 'tokens',
    run(doc: Document): void {
      const { sentences, tokens } = tokenize(doc.text);
      doc.sentences = sentences;
      doc.tokens = tokens;
    },
  };
};
