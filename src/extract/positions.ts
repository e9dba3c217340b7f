// The `positions` stage: where each actor stands on each issue, and the tone of every quote.
// A position is read from an actor's quote (direct or reported) that names an issue, or from a
// narrative sentence in which the actor is the one supporting or opposing it ("the idea was
// rebuffed by the Kremlin"). Stance comes from cue words near the issue phrase
// (lexicons/issues.yaml); a negator just before a cue flips it.
import type { Document, Mention, Position, Stance } from '../document.js';
import type { Stage, StageFactory } from '../pipeline.js';
import { loadIssueLexicon, type IssueLexicon } from '../analyze/issueLexicon.js';
import { loadToneLexicon, scoreTone, type ToneLexicon } from '../analyze/tone.js';

const WINDOW = 90;
const ANAPHOR = /\b(?:that|this|the) (?:idea|proposal|plan|offer|demand|suggestion|initiative)\b/i;

export const positionsStage: StageFactory = (options) => {
  const issues = loadIssueLexicon(options.lexicons ?? []);
  const tone = loadToneLexicon();
  return { name: 'positions', run: (doc) => void (doc.positions = findPositions(doc, issues, tone)) } satisfies Stage;
};

export function findPositions(doc: Document, lex: IssueLexicon = loadIssueLexicon(), tone: ToneLexicon = loadToneLexicon()): Position[] {
  const out: Position[] = [];
  for (const q of doc.quotes) {
    q.tone = scoreTone(q.text, tone);
    if (!q.actor) continue;
    for (const [issue, stance] of stancesIn(q.text, lex))
      out.push({ actor: q.actor, issue, stance, date: q.date ?? doc.published, evidence: { start: q.start, end: q.end, text: q.text }, via: 'quote' });
  }
  let prevSentence = '';
  for (const s of doc.sentences) {
    const text = doc.text.slice(s.start, s.end);
    // Quoted words are already read above, with their speaker.
    const inQuote = doc.quotes.some((q) => q.start < s.end && q.end > s.start);
    if (!inQuote) {
      let found = stancesIn(text, lex);
      if (!found.length && ANAPHOR.test(text)) {
        // "Even that idea was quickly rebuffed by the Kremlin": the issue is in the sentence before.
        const issues = lex.issues.filter((i) => new RegExp(i.pattern.source, 'i').test(prevSentence));
        const stance = cueStance(text, 0, text.length, lex);
        if (stance) found = issues.map((i) => [i.id, stance] as [string, Stance]);
      }
      if (found.length) {
        const holder = holderOf(doc, s.start, s.end, text, lex);
        if (holder)
          for (const [issue, stance] of found)
            out.push({ actor: holder, issue, stance, date: sentenceDate(doc, s.start, s.end), evidence: { start: s.start, end: s.end, text }, via: 'sentence' });
      }
    }
    prevSentence = text;
  }
  return dedupe(out);
}

/** Every issue named in `text` with the stance its nearby cue words give it. */
export function stancesIn(text: string, lex: IssueLexicon): [string, Stance][] {
  const out: [string, Stance][] = [];
  for (const issue of lex.issues) {
    issue.pattern.lastIndex = 0;
    const m = issue.pattern.exec(text);
    if (!m) continue;
    const stance = cueStance(text, Math.max(0, m.index - WINDOW), Math.min(text.length, m.index + m[0].length + WINDOW), lex, m.index, m.index + m[0].length);
    if (stance) out.push([issue.id, stance]);
  }
  return out;
}

function cueStance(text: string, from: number, to: number, lex: IssueLexicon, skipFrom = -1, skipTo = -1): Stance | null {
  const win = text.slice(from, to);
  let score = 0;
  const taken: [number, number][] = [];
  const add = (re: RegExp | null, sign: number, flip: boolean) => {
    if (!re) return;
    re.lastIndex = 0;
    for (const m of win.matchAll(re)) {
      const s = from + m.index!;
      const e = s + m[0].length;
      // A cue word inside the issue phrase itself ("sanctions" in "impose sanctions") is no cue.
      if (s >= skipFrom && e <= skipTo && skipFrom >= 0) continue;
      if (taken.some(([a, b]) => s < b && e > a)) continue;
      taken.push([s, e]);
      score += flip && negatedBefore(text, s, lex) ? -sign : sign;
    }
  };
  add(lex.supportsPatterns, 2, false);
  add(lex.opposes, -1, true);
  add(lex.supports, 1, true);
  if (score === 0) return null;
  if (score < 0) return 'opposes';
  lex.conditional.lastIndex = 0;
  return lex.conditional.test(win) ? 'conditional' : 'supports';
}

function negatedBefore(text: string, at: number, lex: IssueLexicon): boolean {
  const before = text.slice(Math.max(0, at - 30), at).toLowerCase().replace(/’/g, "'");
  const words = before.match(/[a-z']+/g) ?? [];
  return words.slice(-3).some((w) => lex.negators.has(w) || w.endsWith("n't"));
}

/** The actor holding the stance: the agent of a passive cue ("rebuffed by the Kremlin"), else the first actor named. */
function holderOf(doc: Document, start: number, end: number, text: string, lex: IssueLexicon): string | null {
  const ms: Mention[] = doc.mentions.filter((m) => m.start >= start && m.end <= end && m.type !== 'LOCATION');
  if (!ms.length) return null;
  const by = /\b(?:was|were|been|is|are|be)\s+(?:\w+ly\s+)?\w+ed\s+by\s+/gi;
  for (const m of text.matchAll(by)) {
    const at = start + m.index! + m[0].length;
    const agent = ms.find((x) => x.start >= at && x.start <= at + 5);
    if (agent) return agent.actor;
  }
  void lex;
  return ms[0].actor;
}

function sentenceDate(doc: Document, start: number, end: number): string | null {
  const t = doc.times.find((x) => x.start >= start && x.end <= end && x.value);
  return t?.value ?? doc.published;
}

function dedupe(ps: Position[]): Position[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.actor}|${p.issue}|${p.evidence.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
