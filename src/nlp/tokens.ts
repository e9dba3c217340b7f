// Stage `tokens`: sentences and tokens (wink-nlp), with offsets mapped back to exact indices in
// doc.text. News rules on top of wink's splitter: a blank line always ends a sentence, a line
// break ends one unless the next line starts lower-case (hard-wrapped text), and a split right
// after a title abbreviation ("Mr.", "Gen.") is undone.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Document, Sentence, Token } from '../document.js';
import type { Stage, StageFactory } from '../pipeline.js';

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | null = null;

/** The wink-nlp instance, loaded once per process (loading the model takes ~100 ms). */
export function wink(): Wink {
  if (!nlp) nlp = winkNLP(model);
  return nlp;
}

// A sentence that ends with one of these was cut by mistake: "Gen. Milley", "Mr. Trump".
const TITLE_ABBREV = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'gen.', 'lt.', 'col.', 'sgt.', 'capt.', 'cmdr.', 'adm.', 'maj.', 'gov.',
  'sen.', 'rep.', 'rev.', 'prof.', 'st.', 'no.', 'vs.', 'messrs.', 'pres.', 'amb.', 'brig.', 'cpl.', 'pvt.',
]);

interface RawToken {
  start: number;
  end: number;
  pos: string;
  lemma: string;
  value: string;
}

/** Tokenise and split `text`; offsets index `text` exactly. */
export function tokenize(text: string): { sentences: Sentence[]; tokens: Token[] } {
  const w = wink();
  const its = w.its;
  const d = w.readDoc(text);
  const values = d.tokens().out(its.value) as string[];
  const pos = d.tokens().out(its.pos) as string[];
  // wink's typings do not list its.lemma as an ItsFunction, though it is one.
  const lemmas = d.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const spans = d.sentences().out(its.span) as unknown as [number, number][];

  // Map wink tokens to offsets: each value is a substring of text, found at or shortly after
  // the cursor. A token wink rewrote (rare) is skipped rather than given a wrong offset.
  const raw: (RawToken | null)[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let at = text.startsWith(v, cursor) ? cursor : text.indexOf(v, cursor);
    if (at < 0 || at - cursor > 64) {
      raw[i] = null;
      continue;
    }
    raw[i] = { start: at, end: at + v.length, pos: pos[i], lemma: lemmas[i], value: v };
    cursor = at + v.length;
  }

  // Sentence boundaries as wink-token indices where a new sentence starts.
  const startsAt = new Set<number>();
  for (const [s] of spans) startsAt.add(s);
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let cur: Token[] = [];
  let forceBreak = false;
  const flush = () => {
    if (cur.length) {
      sentences.push({ start: cur[0].start, end: cur[cur.length - 1].end });
      for (const t of cur) tokens.push(t);
    }
    cur = [];
  };
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i];
    if (!r) continue;
    if (r.pos === 'SPACE' || /^\s+$/.test(r.value)) {
      if (r.value.includes('\n')) forceBreak = true;
      continue;
    }
    if (cur.length) {
      const prev = cur[cur.length - 1];
      const gap = text.slice(prev.end, r.start);
      if (gap.includes('\n')) forceBreak = true;
      let brk = false;
      if (forceBreak) {
        // A single line break inside running lower-case text is hard wrapping, not a paragraph.
        brk = /\n\s*\n/.test(gap) || !/^[a-z]/.test(r.value);
      } else if (
        cur.length >= 2 && /^["”’]$/.test(text.slice(prev.start, prev.end)) && /[.!?]$/.test(text.slice(cur[cur.length - 2].start, cur[cur.length - 2].end)) &&
        /^[A-Z]/.test(r.value) && r.pos !== 'PROPN' && gap !== ''
      ) {
        // wink keeps '…ahead!!!" Then he left' together; a capitalised non-name after a
        // quote closed by end punctuation starts a new sentence.
        brk = true;
      } else if (startsAt.has(i)) {
        // A closing quote glued to the previous token belongs to that sentence ("ahead!!!"").
        brk = !TITLE_ABBREV.has(text.slice(prev.start, prev.end).toLowerCase()) && !(gap === '' && r.pos === 'PUNCT');
      }
      if (brk) flush();
    }
    forceBreak = false;
    cur.push({ start: r.start, end: r.end, pos: r.pos, lemma: r.lemma.toLowerCase(), sentence: 0 });
  }
  flush();
  // Sentence indices are assigned after merging/splitting.
  let si = 0;
  for (const t of tokens) {
    while (si < sentences.length - 1 && t.start >= sentences[si].end) si++;
    t.sentence = si;
  }
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
